using System.Net;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;
using static Repurch.Api.Tests.Settings.SettingsTestSupport;

namespace Repurch.Api.Tests.Settings;

public sealed class BillingSettingsTests : ApiTest
{
    private const string Url = "/v1/partner/settings/billing";

    private const string SpecPatch = """
        {
          "company_name": "Furniture Co (Trading) Ltd",
          "vat_number": "GB123456789",
          "invoice_email": "finance@furnitureco.example"
        }
        """;

    /// <summary>The spec's GET example, as a PATCH.</summary>
    private const string FullEntity = """
        {
          "company_name": "Furniture Co (Trading) Ltd",
          "address_1": "12 Industrial Way",
          "address_2": "",
          "city": "Long Eaton",
          "postcode": "NG10 2QQ",
          "country": "United Kingdom",
          "company_number": "07412358",
          "vat_number": "GB123456789",
          "invoice_email": "finance@furnitureco.example"
        }
        """;

    private async Task<(TestBrand Brand, HttpClient Client)> BrandAsync()
    {
        var brand = await NewBrandAsync();
        return (brand, Api.ClientWith(brand.AdminKey));
    }

    private static async Task<JsonElement> SaveAsync(HttpClient client, string json) =>
        await client.PatchJsonAsync(Url, json).OkJsonAsync();

    private static async Task<string?> SaveFieldAsync(HttpClient client, string field, string value)
    {
        var body = await SaveAsync(client, JsonSerializer.Serialize(new Dictionary<string, string> { [field] = value }));
        return body.GetProperty("billing").GetProperty(field).GetString();
    }

    private static async Task<string[]> RejectedAsync(HttpClient client, string json)
    {
        var before = await client.GetStringAsync(Url);
        var error = await (await client.PatchJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(before, await client.GetStringAsync(Url));
        var codes = error.ErrorCodes();
        Assert.All(codes, code => Assert.Contains(code, error.GetProperty("message").GetString()));
        return codes;
    }

    [Fact]
    public async Task Before_the_first_save_only_the_country_is_set()
    {
        var (brand, client) = await BrandAsync();

        var body = await client.GetAsync(Url).OkJsonAsync();

        AssertJson($$$"""
            {"brand_id":"{{{brand.Id}}}","billing":{"company_name":null,"address_1":null,"address_2":null,"city":null,"postcode":null,
             "country":"United Kingdom","company_number":null,"vat_number":null,"invoice_email":null}}
            """, body);
    }

    [Fact]
    public async Task The_spec_update_example_saves_and_returns_the_whole_entity()
    {
        var (brand, client) = await BrandAsync();

        var body = await SaveAsync(client, SpecPatch);

        AssertJson($$$"""
            {"brand_id":"{{{brand.Id}}}","billing":{"company_name":"Furniture Co (Trading) Ltd","address_1":null,"address_2":null,"city":null,
             "postcode":null,"country":"United Kingdom","company_number":null,"vat_number":"GB123456789","invoice_email":"finance@furnitureco.example"}}
            """, body);
        AssertJson(body.GetRawText(), await client.GetAsync(Url).OkJsonAsync());
    }

    [Fact]
    public async Task The_spec_get_example_round_trips_with_a_blank_line_read_as_null()
    {
        var (brand, client) = await BrandAsync();
        await SaveAsync(client, FullEntity);

        var body = await client.GetAsync(Url).OkJsonAsync();

        AssertJson($$$"""{"brand_id":"{{{brand.Id}}}","billing":{{{FullEntity.Replace("\"address_2\": \"\"", "\"address_2\": null", StringComparison.Ordinal)}}}}""", body);
    }

    [Fact]
    public async Task Partial_update_keeps_the_other_fields()
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, FullEntity);

        var body = await SaveAsync(client, """{"address_2":"Unit 4","city":null}""");

        var billing = body.GetProperty("billing");
        Assert.Equal("Unit 4", billing.GetProperty("address_2").GetString());
        Assert.Equal(JsonValueKind.Null, billing.GetProperty("city").ValueKind);
        Assert.Equal("12 Industrial Way", billing.GetProperty("address_1").GetString());
        Assert.Equal("NG10 2QQ", billing.GetProperty("postcode").GetString());
        Assert.Equal("07412358", billing.GetProperty("company_number").GetString());
    }

    [Theory]
    [InlineData("ng10 2qq", "NG10 2QQ")]
    [InlineData("NG102QQ", "NG10 2QQ")]
    [InlineData("  ng10   2QQ ", "NG10 2QQ")]
    [InlineData("sw1a1aa", "SW1A 1AA")]
    [InlineData("EC1A 1BB", "EC1A 1BB")]
    [InlineData("W1A 0AX", "W1A 0AX")]
    [InlineData("M1 1AE", "M1 1AE")]
    [InlineData("B33 8TH", "B33 8TH")]
    [InlineData("CR2 6XH", "CR2 6XH")]
    [InlineData("DN55 1PT", "DN55 1PT")]
    [InlineData("BT1 5GS", "BT1 5GS")]
    [InlineData("gir 0aa", "GIR 0AA")]
    public async Task Uk_postcodes_are_stored_upper_case_with_one_space(string input, string stored)
    {
        var (_, client) = await BrandAsync();

        Assert.Equal(stored, await SaveFieldAsync(client, "postcode", input));
    }

    [Theory]
    [InlineData("NG10")]
    [InlineData("NG10 2Q")]
    [InlineData("NG10 2QQQ")]
    [InlineData("NG10 2QC")]
    [InlineData("QA1 1AA")]
    [InlineData("1NG 2QQ")]
    [InlineData("NG10-2QQ")]
    [InlineData("75008")]
    [InlineData("NG10 2QQ X")]
    public async Task Anything_else_is_postcode_invalid_in_the_uk(string input)
    {
        var (_, client) = await BrandAsync();

        Assert.Equal(["postcode_invalid"], await RejectedAsync(client, JsonSerializer.Serialize(new { postcode = input })));
    }

    [Fact]
    public async Task Outside_the_uk_a_postcode_is_free_form_and_changing_country_rechecks_it()
    {
        var (_, client) = await BrandAsync();

        var body = await SaveAsync(client, """{"country":"France","postcode":"75008","city":"Paris"}""");
        Assert.Equal("75008", body.GetProperty("billing").GetProperty("postcode").GetString());
        Assert.Equal("France", body.GetProperty("billing").GetProperty("country").GetString());

        Assert.Equal(["postcode_invalid"], await RejectedAsync(client, """{"country":"United Kingdom"}"""));
        Assert.Equal(["postcode_invalid"], await RejectedAsync(client, """{"postcode":"75008!"}"""));

        body = await SaveAsync(client, """{"country":"UK","postcode":"ng10 2qq"}""");
        Assert.Equal("United Kingdom", body.GetProperty("billing").GetProperty("country").GetString());
        Assert.Equal("NG10 2QQ", body.GetProperty("billing").GetProperty("postcode").GetString());
    }

    [Fact]
    public async Task A_postcode_saved_abroad_is_normalised_when_the_country_becomes_the_uk()
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, """{"country":"Ireland","postcode":"ng10 2qq"}""");

        var body = await SaveAsync(client, """{"country":"Great Britain"}""");

        Assert.Equal("United Kingdom", body.GetProperty("billing").GetProperty("country").GetString());
        Assert.Equal("NG10 2QQ", body.GetProperty("billing").GetProperty("postcode").GetString());
    }

    [Theory]
    [InlineData("UK", "United Kingdom")]
    [InlineData("u.k.", "United Kingdom")]
    [InlineData("gb", "United Kingdom")]
    [InlineData("great britain", "United Kingdom")]
    [InlineData(" Scotland ", "Scotland")]
    [InlineData("Ireland", "Ireland")]
    public async Task Uk_spellings_of_the_country_are_stored_as_united_kingdom(string input, string stored)
    {
        var (_, client) = await BrandAsync();

        Assert.Equal(stored, await SaveFieldAsync(client, "country", input));
    }

    [Fact]
    public async Task Clearing_the_country_restores_the_default()
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, """{"country":"Ireland"}""");

        var body = await SaveAsync(client, """{"country":null}""");

        Assert.Equal("United Kingdom", body.GetProperty("billing").GetProperty("country").GetString());
        await SaveAsync(client, """{"country":"Ireland"}""");
        Assert.Equal("United Kingdom", await SaveFieldAsync(client, "country", "  "));
    }

    [Fact]
    public async Task A_scottish_postcode_is_checked_as_a_uk_one()
    {
        var (_, client) = await BrandAsync();

        Assert.Equal(["postcode_invalid"], await RejectedAsync(client, """{"country":"Scotland","postcode":"75008"}"""));
        var body = await SaveAsync(client, """{"country":"Scotland","postcode":"eh1 1yz"}""");
        Assert.Equal("EH1 1YZ", body.GetProperty("billing").GetProperty("postcode").GetString());
    }

    [Theory]
    [InlineData("07412358", "07412358")]
    [InlineData("7412358", "07412358")]
    [InlineData("412358", "00412358")]
    [InlineData("0741 2358", "07412358")]
    [InlineData("SC123456", "SC123456")]
    [InlineData("sc123456", "SC123456")]
    [InlineData("NI 012345", "NI012345")]
    [InlineData("OC301234", "OC301234")]
    [InlineData("SO300123", "SO300123")]
    [InlineData("NC001234", "NC001234")]
    [InlineData("R0000123", "R0000123")]
    [InlineData("LP012345", "LP012345")]
    public async Task Company_numbers_are_stored_as_eight_characters(string input, string stored)
    {
        var (_, client) = await BrandAsync();

        Assert.Equal(stored, await SaveFieldAsync(client, "company_number", input));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("123456789")]
    [InlineData("S1234567")]
    [InlineData("SC12345")]
    [InlineData("SC1234567")]
    [InlineData("ABC12345")]
    [InlineData("R1123456")]
    [InlineData("00000000")]
    [InlineData("SC000000")]
    [InlineData("0741-2358")]
    public async Task Other_company_numbers_are_invalid(string input)
    {
        var (_, client) = await BrandAsync();

        Assert.Equal(["company_number_invalid"], await RejectedAsync(client, JsonSerializer.Serialize(new { company_number = input })));
    }

    [Theory]
    [InlineData("GB123456789", "GB123456789")]
    [InlineData("GB 123 4567 89", "GB123456789")]
    [InlineData("gb123456789", "GB123456789")]
    [InlineData("GB123456789012", "GB123456789012")]
    [InlineData("GBGD001", "GBGD001")]
    [InlineData("GBHA599", "GBHA599")]
    [InlineData("123456789", "GB123456789")]
    [InlineData("XI123456789", "XI123456789")]
    public async Task Uk_vat_numbers_are_stored_without_spaces(string input, string stored)
    {
        var (_, client) = await BrandAsync();

        Assert.Equal(stored, await SaveFieldAsync(client, "vat_number", input));
    }

    [Theory]
    [InlineData("GB12345678")]
    [InlineData("GB1234567890")]
    [InlineData("GB1234567890123")]
    [InlineData("GB12345678A")]
    [InlineData("GBGD500")]
    [InlineData("GBHA001")]
    [InlineData("GBGD01")]
    [InlineData("XIGD001")]
    [InlineData("FR12345678901")]
    [InlineData("GB-123456789")]
    public async Task Other_vat_numbers_are_invalid(string input)
    {
        var (_, client) = await BrandAsync();

        Assert.Equal(["vat_number_invalid"], await RejectedAsync(client, JsonSerializer.Serialize(new { vat_number = input })));
    }

    [Theory]
    [InlineData("finance")]
    [InlineData("finance@furnitureco")]
    [InlineData("Finance <finance@furnitureco.example>")]
    [InlineData("finance@furnitureco.example; ap@furnitureco.example")]
    public async Task Badly_formed_invoice_emails_are_invalid(string input)
    {
        var (_, client) = await BrandAsync();

        Assert.Equal(["invoice_email_invalid"], await RejectedAsync(client, JsonSerializer.Serialize(new { invoice_email = input })));
    }

    [Theory]
    [InlineData("company_name", 200)]
    [InlineData("address_1", 200)]
    [InlineData("address_2", 200)]
    [InlineData("city", 100)]
    [InlineData("country", 100)]
    public async Task Text_fields_have_length_limits(string field, int max)
    {
        var (_, client) = await BrandAsync();

        Assert.Equal(max, (await SaveFieldAsync(client, field, new string('a', max)))!.Length);
        Assert.Equal([$"{field}_too_long"], await RejectedAsync(client, JsonSerializer.Serialize(new Dictionary<string, string> { [field] = new('a', max + 1) })));
    }

    [Theory]
    [InlineData("""{"company_name":42}""", "company_name_invalid")]
    [InlineData("""{"address_1":["12 Industrial Way"]}""", "address_1_invalid")]
    [InlineData("""{"address_2":false}""", "address_2_invalid")]
    [InlineData("""{"city":{}}""", "city_invalid")]
    [InlineData("""{"postcode":10}""", "postcode_invalid")]
    [InlineData("""{"country":true}""", "country_invalid")]
    [InlineData("""{"company_number":7412358}""", "company_number_invalid")]
    [InlineData("""{"vat_number":123456789}""", "vat_number_invalid")]
    [InlineData("""{"invoice_email":1}""", "invoice_email_invalid")]
    [InlineData("""{"address_1":"12 Industrial Way\nLong Eaton"}""", "address_1_invalid")]
    [InlineData("""{"company_name":"Furniture Co\u0000"}""", "company_name_invalid")]
    [InlineData("""{"vat":"GB123456789"}""", "vat_unknown")]
    [InlineData("""{"address1":"12 Industrial Way"}""", "address1_unknown")]
    [InlineData("""{"city":"Derby","city":"Nottingham"}""", "city_duplicate")]
    public async Task Wrong_types_and_unknown_fields_are_named(string json, string code)
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, FullEntity);

        Assert.Equal([code], await RejectedAsync(client, json));
    }

    [Fact]
    public async Task Every_failing_field_is_reported_and_nothing_is_half_saved()
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, FullEntity);

        var codes = await RejectedAsync(client, """
            {"company_name":"New Name Ltd","postcode":"nowhere","company_number":"12","vat_number":"GB1","invoice_email":"x","city":"Derby","iban":"GB00"}
            """);

        Assert.Equal(["iban_unknown", "postcode_invalid", "company_number_invalid", "vat_number_invalid", "invoice_email_invalid"], codes);
    }

    [Fact]
    public async Task Body_rules_match_the_brand_profile()
    {
        var (_, client) = await BrandAsync();

        await (await client.PatchJsonAsync(Url, "{\"city\":")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        var notObject = await (await client.PatchJsonAsync(Url, """[{"city":"Derby"}]""")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        Assert.Equal("Body must be a JSON object.", notObject.GetProperty("message").GetString());
        await (await client.PatchJsonAsync(Url, "{}")).AssertErrorAsync(HttpStatusCode.BadRequest, "no_fields");
        await (await client.PatchJsonAsync(Url, OversizedBody("company_name"))).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Auth_is_required_with_the_admin_role_and_the_right_scope()
    {
        var brand = await NewBrandAsync();

        await (await Api.ClientWith(null).GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith(null).PatchJsonAsync(Url, SpecPatch)).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith(brand.MemberKey).GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.MemberKey).PatchJsonAsync(Url, SpecPatch)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.ReadOnlyKey).PatchJsonAsync(Url, SpecPatch)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");

        var billing = await Api.ClientWith(brand.ReadOnlyKey).GetAsync(Url).OkJsonAsync();
        Assert.Equal(JsonValueKind.Null, billing.GetProperty("billing").GetProperty("company_name").ValueKind);
    }

    [Fact]
    public async Task Each_update_records_one_audit_entry_of_only_the_changed_fields()
    {
        var (brand, client) = await BrandAsync();
        await SaveAsync(client, FullEntity);

        await SaveAsync(client, """{"company_name":"Furniture Co (Trading) Ltd","address_1":"14 Industrial Way","postcode":"ng10 2qq","vat_number":"GB 123 4567 89","country":"UK"}""");

        var entries = (await AuditEntriesAsync(client)).Where(e => e.GetProperty("action").GetString() == "settings.billing.updated").ToArray();
        Assert.Equal(2, entries.Length);
        Assert.Equal(brand.Id, entries[0].GetProperty("target_id").GetString());
        AssertJson("""{"address_1":{"from":"12 Industrial Way","to":"14 Industrial Way"}}""", entries[0].GetProperty("changes"));
        AssertJson("""
            {"company_name":{"from":null,"to":"Furniture Co (Trading) Ltd"},"address_1":{"from":null,"to":"12 Industrial Way"},
             "city":{"from":null,"to":"Long Eaton"},"postcode":{"from":null,"to":"NG10 2QQ"},"company_number":{"from":null,"to":"07412358"},
             "vat_number":{"from":null,"to":"GB123456789"},"invoice_email":{"from":null,"to":"finance@furnitureco.example"}}
            """, entries[1].GetProperty("changes"));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_records_nothing()
    {
        var (_, client) = await BrandAsync();
        await SaveAsync(client, SpecPatch);
        var count = (await AuditEntriesAsync(client)).Length;

        await SaveAsync(client, SpecPatch);
        await SaveAsync(client, """{"country":"United Kingdom","address_2":"","vat_number":"gb 123456789"}""");

        Assert.Equal(count, (await AuditEntriesAsync(client)).Length);
    }

    [Fact]
    public async Task A_first_update_that_changes_nothing_leaves_the_defaults()
    {
        var (_, client) = await BrandAsync();

        await SaveAsync(client, """{"country":"UK","address_2":null}""");

        Assert.DoesNotContain(await AuditEntriesAsync(client), e => e.GetProperty("action").GetString() == "settings.billing.updated");
        Assert.Equal("United Kingdom", (await client.GetAsync(Url).OkJsonAsync()).GetProperty("billing").GetProperty("country").GetString());
    }

    [Fact]
    public async Task Another_brands_updates_never_change_this_brands_billing_entity()
    {
        var (brandA, clientA) = await BrandAsync();
        var (_, clientB) = await BrandAsync();
        await SaveAsync(clientA, FullEntity);
        var before = await clientA.GetStringAsync(Url);

        await SaveAsync(clientB, FullEntity);
        await SaveAsync(clientB, """{"company_name":"Other Ltd","postcode":"EH1 1YZ","vat_number":"GB987654321","country":"Scotland"}""");
        await SaveAsync(clientB, """{"address_1":null,"city":null,"invoice_email":"ap@other.example"}""");

        Assert.Equal(before, await clientA.GetStringAsync(Url));
        Assert.Contains(brandA.Id, before);
        Assert.Equal("Other Ltd", (await clientB.GetAsync(Url).OkJsonAsync()).GetProperty("billing").GetProperty("company_name").GetString());
    }

    [Fact]
    public async Task Sandbox_changes_never_reach_the_live_billing_entity()
    {
        var (brand, live) = await BrandAsync();
        var sandbox = Api.ClientWith(brand.SandboxAdminKey);
        await SaveAsync(live, FullEntity);
        var before = await live.GetStringAsync(Url);

        await SaveAsync(sandbox, """{"company_name":"Sandbox Ltd","vat_number":"GB999999973"}""");

        Assert.Equal(before, await live.GetStringAsync(Url));
        var test = await sandbox.GetAsync(Url).OkJsonAsync();
        Assert.Equal("Sandbox Ltd", test.GetProperty("billing").GetProperty("company_name").GetString());
        Assert.Equal(JsonValueKind.Null, test.GetProperty("billing").GetProperty("city").ValueKind);
    }

    [Fact]
    public async Task The_openapi_document_describes_both_methods_with_their_error_codes()
    {
        var doc = await Api.ClientWith(null).GetAsync("/openapi/v1.json").OkJsonAsync();
        var path = doc.GetProperty("paths").GetProperty(Url);

        var patch = path.GetProperty("patch");
        Assert.Equal("Update the billing entity", patch.GetProperty("summary").GetString());
        var bad = patch.GetProperty("responses").GetProperty("400").GetProperty("description").GetString()!;
        foreach (var code in new[] { "validation_failed", "invalid_json", "invalid_body", "no_fields", "postcode_invalid", "company_number_invalid", "vat_number_invalid", "invoice_email_invalid" })
            Assert.Contains(code, bad);
        Assert.Contains("missing_bearer_token", path.GetProperty("get").GetProperty("responses").GetProperty("401").GetProperty("description").GetString());
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("BillingEntityView").GetProperty("properties").TryGetProperty("address_1", out _));
        Assert.True(schemas.GetProperty("BillingEntityPatch").GetProperty("properties").TryGetProperty("address_2", out _));
        // A partial update: the body schema must not mark any field required.
        Assert.False(schemas.GetProperty("BillingEntityPatch").TryGetProperty("required", out _));
        Assert.False(schemas.GetProperty("BrandProfilePatch").TryGetProperty("required", out _));
    }
}
