using System.Net;
using System.Text;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;
using static Repurch.Api.Tests.Settings.SettingsTestSupport;

namespace Repurch.Api.Tests.Settings;

public sealed class BrandSettingsTests : ApiTest
{
    private const string Url = "/v1/partner/settings/brand";

    private const string SpecPatch = """
        {
          "display_name": "Furniture Co",
          "tagline": "Premium British sofas, made to last.",
          "support_email": "support@furnitureco.example",
          "accent_color": "#1F4FD9"
        }
        """;

    private const string FullProfile = """
        {
          "display_name": "Furniture Co",
          "tagline": "Premium British sofas, made to last.",
          "description": "Furniture Co has been crafting sofas in Long Eaton since 1972.",
          "support_email": "support@furnitureco.example",
          "support_phone": "0115 555 0123",
          "logo_url": "https://cdn.repurch.com/brands/furniture-co/logo.svg",
          "accent_color": "#1F4FD9"
        }
        """;

    private async Task<(TestBrand Brand, HttpClient Client)> BrandAsync()
    {
        var brand = await NewBrandAsync();
        return (brand, Api.ClientWith(brand.AdminKey));
    }

    private static async Task<JsonElement> SaveAsync(HttpClient client, string json) =>
        await client.PatchJsonAsync(Url, json).OkJsonAsync();

    [Fact]
    public async Task Before_the_first_save_every_field_is_null()
    {
        var (brand, client) = await BrandAsync();

        var body = await client.GetAsync(Url).OkJsonAsync();

        AssertJson($$$"""
            {"brand_id":"{{{brand.Id}}}","profile":{"display_name":null,"tagline":null,"description":null,
             "support_email":null,"support_phone":null,"logo_url":null,"accent_color":null}}
            """, body);
    }

    [Fact]
    public async Task The_spec_update_example_saves_and_returns_the_whole_profile()
    {
        var (brand, client) = await BrandAsync();

        var body = await SaveAsync(client, SpecPatch);

        AssertJson($$$"""
            {"brand_id":"{{{brand.Id}}}","profile":{"display_name":"Furniture Co","tagline":"Premium British sofas, made to last.",
             "description":null,"support_email":"support@furnitureco.example","support_phone":null,"logo_url":null,"accent_color":"#1F4FD9"}}
            """, body);
        AssertJson(body.GetRawText(), await client.GetAsync(Url).OkJsonAsync());
    }

    [Fact]
    public async Task Every_field_reads_back_as_in_the_spec_get_example()
    {
        var (brand, client) = await BrandAsync();
        await SaveAsync(client, FullProfile);

        var body = await client.GetAsync(Url).OkJsonAsync();

        AssertJson($$$"""{"brand_id":"{{{brand.Id}}}","profile":{{{FullProfile}}}}""", body);
    }

    [Fact]
    public async Task Partial_update_changes_only_the_fields_sent_and_null_or_blank_clears()
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, FullProfile);

        var body = await SaveAsync(client, """{"tagline":"  Sofas for life.  ","logo_url":null,"support_phone":"   "}""");

        var profile = body.GetProperty("profile");
        Assert.Equal("Furniture Co", profile.GetProperty("display_name").GetString());
        Assert.Equal("Sofas for life.", profile.GetProperty("tagline").GetString());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("logo_url").ValueKind);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("support_phone").ValueKind);
        Assert.Equal("support@furnitureco.example", profile.GetProperty("support_email").GetString());
        Assert.Equal("#1F4FD9", profile.GetProperty("accent_color").GetString());
        AssertJson(body.GetRawText(), await client.GetAsync(Url).OkJsonAsync());
    }

    [Fact]
    public async Task First_save_without_display_name_is_rejected_and_saves_nothing()
    {
        var (_, client) = await BrandAsync();
        var before = await client.GetStringAsync(Url);

        var error = await (await client.PatchJsonAsync(Url, """{"tagline":"Sofas.","accent_color":"#123456"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["display_name_required"], error.ErrorCodes());
        Assert.Contains("display_name_required", error.GetProperty("message").GetString());
        Assert.Equal(before, await client.GetStringAsync(Url));
    }

    [Theory]
    [InlineData("""{"display_name":null}""")]
    [InlineData("""{"display_name":""}""")]
    [InlineData("""{"display_name":"   "}""")]
    public async Task Display_name_cannot_be_cleared(string json)
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, SpecPatch);
        var before = await client.GetStringAsync(Url);

        var error = await (await client.PatchJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["display_name_required"], error.ErrorCodes());
        Assert.Equal(before, await client.GetStringAsync(Url));
    }

    [Fact]
    public async Task Length_limits_are_inclusive()
    {
        var (_, client) = await BrandAsync();

        var body = await SaveAsync(client, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["display_name"] = new('d', 80), ["tagline"] = new('t', 200), ["description"] = new('x', 5000),
        }));

        Assert.Equal(80, body.GetProperty("profile").GetProperty("display_name").GetString()!.Length);
        Assert.Equal(5000, body.GetProperty("profile").GetProperty("description").GetString()!.Length);
    }

    [Theory]
    [InlineData("display_name", 81, "display_name_too_long")]
    [InlineData("tagline", 201, "tagline_too_long")]
    [InlineData("description", 5001, "description_too_long")]
    public async Task Text_over_its_limit_is_too_long(string field, int length, string code)
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, SpecPatch);

        var error = await (await client.PatchJsonAsync(Url, JsonSerializer.Serialize(new Dictionary<string, string> { [field] = new('a', length) })))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([code], error.ErrorCodes());
    }

    [Fact]
    public async Task A_lone_surrogate_is_invalid_json_like_every_other_body()
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, SpecPatch);

        await (await client.PatchJsonAsync(Url, """{"tagline":"broken \ud800 surrogate"}""")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task Lengths_count_characters_not_utf16_units()
    {
        var (_, client) = await BrandAsync();
        // 80 emoji are 160 UTF-16 units but 80 characters.
        var name = string.Concat(Enumerable.Repeat("🛋", 80));

        var body = await SaveAsync(client, JsonSerializer.Serialize(new { display_name = name }));

        Assert.Equal(name, body.GetProperty("profile").GetProperty("display_name").GetString());
    }

    [Theory]
    [InlineData("support_email", "not-an-email")]
    [InlineData("support_email", "support@furnitureco")]
    [InlineData("support_email", "Support <support@furnitureco.example>")]
    [InlineData("support_email", "a@@furnitureco.example")]
    [InlineData("support_email", "a b@furnitureco.example")]
    [InlineData("support_email", "a..b@furnitureco.example")]
    [InlineData("support_email", "a@b.example,c@d.example")]
    [InlineData("support_phone", "0115 55")]
    [InlineData("support_phone", "call 0115 555 0123")]
    [InlineData("support_phone", "0115+555 0123")]
    [InlineData("support_phone", "(0115 555 0123")]
    [InlineData("support_phone", "0115) 555 (0123")]
    [InlineData("support_phone", "+44 1234 5678 9012 3456 789")]
    [InlineData("support_phone", "0115.555.0123")]
    [InlineData("logo_url", "http://cdn.repurch.com/logo.svg")]
    [InlineData("logo_url", "ftp://cdn.repurch.com/logo.svg")]
    [InlineData("logo_url", "/brands/furniture-co/logo.svg")]
    [InlineData("logo_url", "cdn.repurch.com/logo.svg")]
    [InlineData("logo_url", "https://user:secret@cdn.repurch.com/logo.svg")]
    [InlineData("logo_url", "https://cdn.repurch.com/my logo.svg")]
    [InlineData("logo_url", "javascript:alert(1)")]
    [InlineData("accent_color", "1F4FD9")]
    [InlineData("accent_color", "#1F4FD")]
    [InlineData("accent_color", "#1F4FD90")]
    [InlineData("accent_color", "#GGGGGG")]
    [InlineData("accent_color", "#FFF")]
    [InlineData("accent_color", "blue")]
    public async Task Badly_formatted_values_are_field_invalid(string field, string value)
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, SpecPatch);
        var before = await client.GetStringAsync(Url);

        var error = await (await client.PatchJsonAsync(Url, JsonSerializer.Serialize(new Dictionary<string, string> { [field] = value })))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([$"{field}_invalid"], error.ErrorCodes());
        Assert.Equal(before, await client.GetStringAsync(Url));
    }

    [Fact]
    public async Task A_logo_url_over_2048_characters_is_invalid()
    {
        var (_, client) = await BrandAsync();
        var url = "https://cdn.repurch.com/" + new string('a', 2048 - 24);
        Assert.Equal(2048, url.Length);
        await SaveAsync(client, JsonSerializer.Serialize(new { display_name = "Furniture Co", logo_url = url }));

        var error = await (await client.PatchJsonAsync(Url, JsonSerializer.Serialize(new { logo_url = url + "b" })))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["logo_url_invalid"], error.ErrorCodes());
    }

    [Theory]
    [InlineData("support_phone", "+44 (0)115 555 0123", "+44 (0)115 555 0123")]
    [InlineData("support_phone", "0115  555   0123", "0115 555 0123")]
    [InlineData("support_phone", "0115-555-0123", "0115-555-0123")]
    [InlineData("support_phone", "1234567", "1234567")]
    [InlineData("accent_color", "#1f4fd9", "#1F4FD9")]
    [InlineData("support_email", "  Support+sofas@furnitureco.example ", "Support+sofas@furnitureco.example")]
    [InlineData("logo_url", "https://cdn.repurch.com/brands/furniture-co/logo.svg?v=2", "https://cdn.repurch.com/brands/furniture-co/logo.svg?v=2")]
    public async Task Valid_values_are_normalised(string field, string value, string stored)
    {
        var (_, client) = await BrandAsync();

        var body = await SaveAsync(client, JsonSerializer.Serialize(new Dictionary<string, string> { ["display_name"] = "Furniture Co", [field] = value }));

        Assert.Equal(stored, body.GetProperty("profile").GetProperty(field).GetString());
    }

    [Theory]
    [InlineData("""{"display_name":5}""", "display_name_invalid")]
    [InlineData("""{"tagline":true}""", "tagline_invalid")]
    [InlineData("""{"description":{"text":"x"}}""", "description_invalid")]
    [InlineData("""{"support_email":["support@furnitureco.example"]}""", "support_email_invalid")]
    [InlineData("""{"support_phone":1155550123}""", "support_phone_invalid")]
    [InlineData("""{"logo_url":false}""", "logo_url_invalid")]
    [InlineData("""{"accent_color":1193046}""", "accent_color_invalid")]
    public async Task Wrong_json_types_are_field_invalid(string json, string code)
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, SpecPatch);

        var error = await (await client.PatchJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([code], error.ErrorCodes());
    }

    [Theory]
    [InlineData("""{"display_name":"Furniture\u0000Co"}""", "display_name_invalid")]
    [InlineData("""{"tagline":"two\nlines"}""", "tagline_invalid")]
    [InlineData("""{"description":"nul \u0000 byte"}""", "description_invalid")]
    public async Task Text_that_cannot_be_stored_is_field_invalid(string json, string code)
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, SpecPatch);

        var error = await (await client.PatchJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([code], error.ErrorCodes());
    }

    [Fact]
    public async Task Description_keeps_its_line_breaks()
    {
        var (_, client) = await BrandAsync();

        var body = await SaveAsync(client, """{"display_name":"Furniture Co","description":"Since 1972.\n\nMade in Long Eaton."}""");

        Assert.Equal("Since 1972.\n\nMade in Long Eaton.", body.GetProperty("profile").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Unknown_and_duplicate_fields_are_named()
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, SpecPatch);

        var error = await (await client.PatchJsonAsync(Url, """{"colour":"#FFFFFF","Display Name":"x","brand_id":"other","tagline":"a","tagline":"b"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["colour_unknown", "unknown_field", "brand_id_unknown", "tagline_duplicate"], error.ErrorCodes());
    }

    [Fact]
    public async Task Every_failing_field_is_reported_and_nothing_is_half_saved()
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, SpecPatch);
        var before = await client.GetStringAsync(Url);

        var response = await client.PatchJsonAsync(Url, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["display_name"] = "Renamed Co",
            ["tagline"] = new string('t', 201),
            ["support_email"] = "nope",
            ["support_phone"] = "12",
            ["logo_url"] = "http://insecure.example/logo.png",
            ["accent_color"] = "#12345",
            ["mascot"] = "fox",
        }));
        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        string[] expected = ["mascot_unknown", "tagline_too_long", "support_email_invalid", "support_phone_invalid", "logo_url_invalid", "accent_color_invalid"];
        Assert.Equal(expected, error.ErrorCodes());
        var message = error.GetProperty("message").GetString()!;
        Assert.All(expected, code => Assert.Contains(code, message));
        Assert.Equal(before, await client.GetStringAsync(Url));
        Assert.DoesNotContain(await AuditEntriesAsync(client), e => e.GetProperty("action").GetString() == "settings.brand.updated"
            && e.GetProperty("changes").TryGetProperty("display_name", out var c) && c.GetProperty("to").GetString() == "Renamed Co");
    }

    [Fact]
    public async Task Malformed_json_is_invalid_json()
    {
        var (_, client) = await BrandAsync();

        await (await client.PatchJsonAsync(Url, """{"display_name": "Furniture Co",""")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
    }

    [Theory]
    [InlineData("""[{"display_name":"Furniture Co"}]""")]
    [InlineData("\"Furniture Co\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task A_body_that_is_not_an_object_is_invalid_body(string json)
    {
        var (_, client) = await BrandAsync();

        var error = await (await client.PatchJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");

        Assert.Equal("Body must be a JSON object.", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("  { }  ")]
    [InlineData("")]
    public async Task An_empty_patch_is_no_fields(string json)
    {
        var (_, client) = await BrandAsync();

        await (await client.PatchJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "no_fields");
    }

    [Fact]
    public async Task A_300_kb_body_is_payload_too_large()
    {
        var (_, client) = await BrandAsync();

        await (await client.PatchJsonAsync(Url, OversizedBody("description"))).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_unsupported_media_type()
    {
        var (_, client) = await BrandAsync();

        var response = await client.PatchAsync(Url, new StringContent("display_name=Furniture+Co", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Without_a_bearer_token_both_methods_are_401()
    {
        var client = Api.ClientWith(null);

        await (await client.GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await client.PatchJsonAsync(Url, SpecPatch)).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith("re_pk_live_not-a-real-key").GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Member_keys_are_forbidden_and_scopes_are_enforced()
    {
        var brand = await NewBrandAsync();
        var member = Api.ClientWith(brand.MemberKey);
        var readOnly = Api.ClientWith(brand.ReadOnlyKey);
        var writeOnly = Api.ClientWith(brand.WriteOnlyKey);

        await (await member.GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.PatchJsonAsync(Url, SpecPatch)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await readOnly.PatchJsonAsync(Url, SpecPatch)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await writeOnly.GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");

        // Nothing the refused calls sent was saved; the scopes that fit do work.
        var profile = await readOnly.GetAsync(Url).OkJsonAsync();
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("profile").GetProperty("display_name").ValueKind);
        await writeOnly.PatchJsonAsync(Url, SpecPatch).OkJsonAsync();
        Assert.Equal("Furniture Co", (await readOnly.GetAsync(Url).OkJsonAsync()).GetProperty("profile").GetProperty("display_name").GetString());
    }

    [Fact]
    public async Task Each_update_records_one_audit_entry_of_only_the_changed_fields()
    {
        var (brand, client) = await BrandAsync();

        await SaveAsync(client, SpecPatch);
        await SaveAsync(client, """{"display_name":"Furniture Co","tagline":"Sofas for life.","accent_color":"#1f4fd9","logo_url":null}""");

        var entries = (await AuditEntriesAsync(client)).Where(e => e.GetProperty("action").GetString() == "settings.brand.updated").ToArray();
        Assert.Equal(2, entries.Length);
        var latest = entries[0];
        Assert.Equal(brand.Id, latest.GetProperty("target_id").GetString());
        Assert.False(string.IsNullOrEmpty(latest.GetProperty("actor_key_prefix").GetString()));
        AssertJson("""{"tagline":{"from":"Premium British sofas, made to last.","to":"Sofas for life."}}""", latest.GetProperty("changes"));
        AssertJson("""
            {"display_name":{"from":null,"to":"Furniture Co"},"tagline":{"from":null,"to":"Premium British sofas, made to last."},
             "support_email":{"from":null,"to":"support@furnitureco.example"},"accent_color":{"from":null,"to":"#1F4FD9"}}
            """, entries[1].GetProperty("changes"));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_records_nothing()
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, SpecPatch);
        var count = (await AuditEntriesAsync(client)).Length;

        var body = await SaveAsync(client, SpecPatch);
        await SaveAsync(client, """{"accent_color":"#1f4fd9","description":null,"tagline":" Premium British sofas, made to last. "}""");
        await client.PatchJsonAsync(Url, """{"accent_color":"red"}""");

        Assert.Equal("Furniture Co", body.GetProperty("profile").GetProperty("display_name").GetString());
        Assert.Equal(count, (await AuditEntriesAsync(client)).Length);
    }

    [Fact]
    public async Task Concurrent_updates_all_apply_one_after_another()
    {
        var (_, client) = await BrandAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            client.PatchJsonAsync(Url, JsonSerializer.Serialize(new { display_name = "Furniture Co", tagline = $"Tagline {i}" }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var entries = (await AuditEntriesAsync(client)).Reverse().Select(e => e.GetProperty("changes")).ToArray();
        Assert.Equal(8, entries.Length);
        // Each entry's "from" is what the previous one set: no update was lost or reordered.
        for (var i = 1; i < entries.Length; i++)
            Assert.Equal(entries[i - 1].GetProperty("tagline").GetProperty("to").GetString(), entries[i].GetProperty("tagline").GetProperty("from").GetString());
        var final = await client.GetAsync(Url).OkJsonAsync();
        Assert.Equal(entries[^1].GetProperty("tagline").GetProperty("to").GetString(), final.GetProperty("profile").GetProperty("tagline").GetString());
    }

    [Fact]
    public async Task Another_brands_updates_never_change_this_brands_profile()
    {
        var (brandA, clientA) = await BrandAsync();
        var (brandB, clientB) = await BrandAsync();
        await SaveAsync(clientA, FullProfile);
        var before = await clientA.GetStringAsync(Url);
        var auditBefore = (await AuditEntriesAsync(clientA)).Length;

        await SaveAsync(clientB, """{"display_name":"Other Brand","tagline":"Not yours."}""");
        await SaveAsync(clientB, """{"description":"B's description","support_email":"b@other.example","support_phone":"020 7946 0000","logo_url":"https://other.example/b.png","accent_color":"#000000"}""");
        await SaveAsync(clientB, """{"tagline":null}""");

        Assert.Equal(before, await clientA.GetStringAsync(Url));
        Assert.Equal(auditBefore, (await AuditEntriesAsync(clientA)).Length);
        var b = await clientB.GetAsync(Url).OkJsonAsync();
        Assert.Equal(brandB.Id, b.GetProperty("brand_id").GetString());
        Assert.Equal("Other Brand", b.GetProperty("profile").GetProperty("display_name").GetString());
        Assert.Contains(brandA.Id, before);
    }

    [Fact]
    public async Task Sandbox_changes_never_reach_the_live_profile()
    {
        var (brand, live) = await BrandAsync();
        var sandbox = Api.ClientWith(brand.SandboxAdminKey);
        await SaveAsync(live, FullProfile);
        var before = await live.GetStringAsync(Url);

        await SaveAsync(sandbox, """{"display_name":"Sandbox Co","accent_color":"#ABCDEF"}""");

        Assert.Equal(before, await live.GetStringAsync(Url));
        var test = await sandbox.GetAsync(Url).OkJsonAsync();
        Assert.Equal("Sandbox Co", test.GetProperty("profile").GetProperty("display_name").GetString());
        Assert.Equal(JsonValueKind.Null, test.GetProperty("profile").GetProperty("tagline").ValueKind);
        Assert.DoesNotContain(await AuditEntriesAsync(live), e => e.GetProperty("changes").GetRawText().Contains("Sandbox Co", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_openapi_document_describes_both_methods_with_their_error_codes()
    {
        var doc = await Api.ClientWith(null).GetAsync("/openapi/v1.json").OkJsonAsync();
        var path = doc.GetProperty("paths").GetProperty(Url);

        var patch = path.GetProperty("patch");
        Assert.Equal("Update the brand profile", patch.GetProperty("summary").GetString());
        Assert.True(patch.TryGetProperty("requestBody", out _));
        var bad = patch.GetProperty("responses").GetProperty("400").GetProperty("description").GetString()!;
        foreach (var code in new[] { "validation_failed", "invalid_json", "invalid_body", "no_fields", "display_name_required", "display_name_too_long", "support_email_invalid", "accent_color_invalid", "logo_url_invalid", "support_phone_invalid" })
            Assert.Contains(code, bad);
        Assert.Contains("payload_too_large", patch.GetProperty("responses").GetProperty("413").GetProperty("description").GetString());
        Assert.Contains("forbidden", path.GetProperty("get").GetProperty("responses").GetProperty("403").GetProperty("description").GetString());
        Assert.Equal("Get the brand profile", path.GetProperty("get").GetProperty("summary").GetString());
    }
}
