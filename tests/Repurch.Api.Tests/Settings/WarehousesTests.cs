using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Settings;

public sealed class WarehousesTests : ApiTest
{
    private const string Url = "/v1/partner/settings/warehouses";

    private const string SpecCreate = """
        {
          "label": "Long Eaton DC",
          "address_1": "12 Industrial Way",
          "city": "Long Eaton",
          "postcode": "NG10 2QQ",
          "is_default": true
        }
        """;

    private const string FullCreate = """
        {
          "label": "Long Eaton DC",
          "contact_name": "Sam Patel",
          "contact_email": "warehouse@furnitureco.example",
          "contact_phone": "0115 555 0124",
          "address_1": "12 Industrial Way",
          "address_2": "",
          "city": "Long Eaton",
          "postcode": "NG10 2QQ",
          "country": "United Kingdom"
        }
        """;

    private static readonly string[] FullFields =
        ["id", "label", "contact_name", "contact_email", "contact_phone", "address_1", "address_2", "city", "postcode", "country", "is_default"];

    private static async Task<JsonElement> CreateAsync(HttpClient client, string json)
    {
        var response = await client.PostJsonAsync(Url, json);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("warehouse");
    }

    private static Task<JsonElement> AddAsync(HttpClient client, string label, bool? isDefault = null) =>
        CreateAsync(client, isDefault is null
            ? $$"""{"label":"{{label}}"}"""
            : $$"""{"label":"{{label}}","is_default":{{(isDefault.Value ? "true" : "false")}}}""");

    private static async Task<JsonElement[]> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync(Url);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("warehouses").EnumerateArray().ToArray();
    }

    private static string Id(JsonElement warehouse) => warehouse.GetProperty("id").GetString()!;

    private static string[] Defaults(IEnumerable<JsonElement> warehouses) =>
        warehouses.Where(w => w.GetProperty("is_default").GetBoolean()).Select(Id).ToArray();

    // ---- happy paths ----

    [Fact]
    public async Task A_brand_without_warehouses_lists_none()
    {
        var brand = await NewBrandAsync();
        var response = await Api.ClientWith(brand.AdminKey).GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(brand.Id, body.GetProperty("brand_id").GetString());
        Assert.Equal(0, body.GetProperty("warehouses").GetArrayLength());
    }

    [Fact]
    public async Task Creating_the_spec_example_returns_201_with_the_warehouse_as_default()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);

        var response = await client.PostJsonAsync(Url, SpecCreate);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(["warehouse"], body.EnumerateObject().Select(p => p.Name));
        var w = body.GetProperty("warehouse");
        Assert.Equal(FullFields, w.EnumerateObject().Select(p => p.Name));
        Assert.True(Guid.TryParse(Id(w), out _));
        Assert.Equal("Long Eaton DC", w.GetProperty("label").GetString());
        Assert.True(w.GetProperty("is_default").GetBoolean());
        Assert.Equal("12 Industrial Way", w.GetProperty("address_1").GetString());
        Assert.Equal("Long Eaton", w.GetProperty("city").GetString());
        Assert.Equal("NG10 2QQ", w.GetProperty("postcode").GetString());
        Assert.Equal("United Kingdom", w.GetProperty("country").GetString());
        Assert.Equal("", w.GetProperty("address_2").GetString());
        Assert.Equal("", w.GetProperty("contact_name").GetString());
        Assert.Equal($"{Url}/{Id(w)}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_list_returns_full_objects_as_in_the_spec_example()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var created = await CreateAsync(client, FullCreate);

        var body = await (await client.GetAsync(Url)).JsonAsync();

        Assert.Equal(["brand_id", "warehouses"], body.EnumerateObject().Select(p => p.Name));
        var expected = JsonNode.Parse($$"""
            {
              "brand_id": "{{brand.Id}}",
              "warehouses": [
                {
                  "id": "{{Id(created)}}",
                  "label": "Long Eaton DC",
                  "contact_name": "Sam Patel",
                  "contact_email": "warehouse@furnitureco.example",
                  "contact_phone": "0115 555 0124",
                  "address_1": "12 Industrial Way",
                  "address_2": "",
                  "city": "Long Eaton",
                  "postcode": "NG10 2QQ",
                  "country": "United Kingdom",
                  "is_default": true
                }
              ]
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(body.GetRawText())), body.ToString());

        var one = await (await client.GetAsync($"{Url}/{Id(created)}")).JsonAsync();
        Assert.True(JsonNode.DeepEquals(expected!["warehouses"]![0], JsonNode.Parse(one.GetProperty("warehouse").GetRawText())));
    }

    [Fact]
    public async Task The_list_is_in_creation_order()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var ids = new List<string>();
        foreach (var label in new[] { "Zeta", "Alpha", "Mid" }) ids.Add(Id(await AddAsync(client, label)));

        Assert.Equal(ids, (await ListAsync(client)).Select(Id));
    }

    [Fact]
    public async Task Updating_the_spec_example_changes_only_the_label()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var created = await CreateAsync(client, FullCreate);

        var response = await client.PatchJsonAsync($"{Url}/{Id(created)}", """{ "label": "Long Eaton DC (Bay 1-12)" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var w = (await response.JsonAsync()).GetProperty("warehouse");
        Assert.Equal(FullFields, w.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Long Eaton DC (Bay 1-12)", w.GetProperty("label").GetString());
        var expected = JsonNode.Parse(created.GetRawText())!;
        expected["label"] = "Long Eaton DC (Bay 1-12)";
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(w.GetRawText())), w.ToString());
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse((await ListAsync(client))[0].GetRawText())));
    }

    [Fact]
    public async Task Patch_null_or_empty_clears_optional_fields_and_resets_country()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var created = await CreateAsync(client, FullCreate);

        var response = await client.PatchJsonAsync($"{Url}/{Id(created)}",
            """{"contact_name": null, "contact_phone": "", "country": null, "city": "  Derby  ", "postcode": "de1 2aa"}""");

        var w = (await response.JsonAsync()).GetProperty("warehouse");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", w.GetProperty("contact_name").GetString());
        Assert.Equal("", w.GetProperty("contact_phone").GetString());
        Assert.Equal("United Kingdom", w.GetProperty("country").GetString());
        Assert.Equal("Derby", w.GetProperty("city").GetString());
        Assert.Equal("DE1 2AA", w.GetProperty("postcode").GetString());
        Assert.Equal("warehouse@furnitureco.example", w.GetProperty("contact_email").GetString());
    }

    [Theory]
    [InlineData("ng102qq", "NG10 2QQ")]
    [InlineData("  sw1a   1aa ", "SW1A 1AA")]
    [InlineData("M11AE", "M1 1AE")]
    [InlineData("w1a 0ax", "W1A 0AX")]
    [InlineData("B33 8TH", "B33 8TH")]
    [InlineData("gir 0aa", "GIR 0AA")]
    public async Task Postcodes_are_normalised_to_upper_case_with_one_space(string input, string stored)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);

        var w = await CreateAsync(client, $$"""{"label":"Depot","postcode":"{{input}}"}""");

        Assert.Equal(stored, w.GetProperty("postcode").GetString());
    }

    [Fact]
    public async Task Delete_returns_deleted_true_and_the_warehouse_is_gone()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var a = await AddAsync(client, "A");
        var b = await AddAsync(client, "B");

        var response = await client.DeleteAsync($"{Url}/{Id(b)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"deleted":true}""", await response.Content.ReadAsStringAsync());
        var left = await ListAsync(client);
        Assert.Equal([Id(a)], left.Select(Id));
        Assert.True(left[0].GetProperty("is_default").GetBoolean());
        await (await client.GetAsync($"{Url}/{Id(b)}")).AssertErrorAsync(HttpStatusCode.NotFound, "warehouse_not_found");
        await (await client.DeleteAsync($"{Url}/{Id(b)}")).AssertErrorAsync(HttpStatusCode.NotFound, "warehouse_not_found");
    }

    [Fact]
    public async Task Set_default_returns_the_whole_list_as_id_label_is_default()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var a = await AddAsync(client, "Long Eaton DC");
        var b = await AddAsync(client, "Burton-on-Trent overflow");

        var response = await client.PostAsync($"{Url}/{Id(b)}/set-default", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        var expected = JsonNode.Parse($$"""
            {
              "warehouses": [
                { "id": "{{Id(a)}}", "label": "Long Eaton DC", "is_default": false },
                { "id": "{{Id(b)}}", "label": "Burton-on-Trent overflow", "is_default": true }
              ]
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, body), body!.ToJsonString());
        Assert.Equal([Id(b)], Defaults(await ListAsync(client)));
    }

    [Fact]
    public async Task Set_default_on_the_current_default_changes_nothing()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var a = await AddAsync(client, "A");
        await AddAsync(client, "B");
        var before = await client.GetStringAsync(Url);
        var audited = await AuditActionsAsync(client);

        var response = await client.PostAsync($"{Url}/{Id(a)}/set-default", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await client.GetStringAsync(Url));
        Assert.Equal(audited, await AuditActionsAsync(client));
    }

    // ---- invariants ----

    [Fact]
    public async Task The_first_warehouse_is_the_default_even_when_the_body_says_false()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);

        var first = await AddAsync(client, "First", isDefault: false);
        var second = await AddAsync(client, "Second");
        var third = await AddAsync(client, "Third", isDefault: false);

        Assert.True(first.GetProperty("is_default").GetBoolean());
        Assert.False(second.GetProperty("is_default").GetBoolean());
        Assert.False(third.GetProperty("is_default").GetBoolean());
        Assert.Equal([Id(first)], Defaults(await ListAsync(client)));
    }

    [Fact]
    public async Task Creating_with_is_default_true_demotes_the_previous_default()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        await AddAsync(client, "Old");

        var fresh = await AddAsync(client, "New", isDefault: true);

        Assert.True(fresh.GetProperty("is_default").GetBoolean());
        Assert.Equal([Id(fresh)], Defaults(await ListAsync(client)));
    }

    [Fact]
    public async Task Patch_is_default_true_promotes_and_demotes_the_previous_default()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var a = await AddAsync(client, "A");
        var b = await AddAsync(client, "B");

        var response = await client.PatchJsonAsync($"{Url}/{Id(b)}", """{"is_default": true, "city": "Burton"}""");

        var w = (await response.JsonAsync()).GetProperty("warehouse");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(w.GetProperty("is_default").GetBoolean());
        Assert.Equal("Burton", w.GetProperty("city").GetString());
        Assert.Equal([Id(b)], Defaults(await ListAsync(client)));
        Assert.NotEqual(Id(a), Id(b));
    }

    [Fact]
    public async Task Patch_is_default_false_on_the_default_is_rejected_and_on_another_is_a_no_op()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var a = await AddAsync(client, "A");
        var b = await AddAsync(client, "B");
        var before = await client.GetStringAsync(Url);

        var rejected = await client.PatchJsonAsync($"{Url}/{Id(a)}", """{"is_default": false, "label": "Renamed"}""");
        var body = await rejected.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["is_default_invalid"], body.ErrorCodes());
        Assert.Equal(before, await client.GetStringAsync(Url));

        var accepted = await client.PatchJsonAsync($"{Url}/{Id(b)}", """{"is_default": false}""");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(before, await client.GetStringAsync(Url));
    }

    [Fact]
    public async Task Deleting_the_default_promotes_the_oldest_remaining_warehouse()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var a = await AddAsync(client, "A");
        var b = await AddAsync(client, "B");
        var c = await AddAsync(client, "C", isDefault: true);

        await client.DeleteAsync($"{Url}/{Id(c)}");
        Assert.Equal([Id(a)], Defaults(await ListAsync(client)));

        await client.DeleteAsync($"{Url}/{Id(a)}");
        var left = await ListAsync(client);
        Assert.Equal([Id(b)], left.Select(Id));
        Assert.Equal([Id(b)], Defaults(left));
    }

    [Fact]
    public async Task Deleting_the_last_warehouse_leaves_none_and_the_next_one_is_default_again()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var only = await AddAsync(client, "Only");

        var response = await client.DeleteAsync($"{Url}/{Id(only)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await ListAsync(client));
        var next = await AddAsync(client, "Next", isDefault: false);
        Assert.True(next.GetProperty("is_default").GetBoolean());
    }

    // ---- validation ----

    public static TheoryData<string, string[]> InvalidCreates => new()
    {
        { "{}", ["label_required"] },
        { """{"label": ""}""", ["label_required"] },
        { """{"label": "   "}""", ["label_required"] },
        { """{"label": null}""", ["label_required"] },
        { """{"label": 42}""", ["label_invalid"] },
        { $$"""{"label": "{{new string('x', 101)}}"}""", ["label_too_long"] },
        { """{"label": "A\u0000B"}""", ["label_invalid"] },
        { """{"label": "A", "contact_email": "not-an-email"}""", ["contact_email_invalid"] },
        { """{"label": "A", "contact_email": "a@b"}""", ["contact_email_invalid"] },
        { $$"""{"label": "A", "contact_email": "{{new string('a', 250)}}@b.co"}""", ["contact_email_too_long"] },
        { """{"label": "A", "contact_phone": "call me maybe"}""", ["contact_phone_invalid"] },
        { """{"label": "A", "contact_phone": "12"}""", ["contact_phone_invalid"] },
        { """{"label": "A", "postcode": "12345"}""", ["postcode_invalid"] },
        { """{"label": "A", "postcode": "NG10 2QQQ"}""", ["postcode_invalid"] },
        { """{"label": "A", "postcode": "NG10-2QQ"}""", ["postcode_invalid"] },
        { """{"label": "A", "postcode": 10}""", ["postcode_invalid"] },
        { """{"label": "A", "is_default": "yes"}""", ["is_default_invalid"] },
        { """{"label": "A", "is_default": 1}""", ["is_default_invalid"] },
        { """{"label": "A", "is_default": null}""", ["is_default_invalid"] },
        { """{"label": "A", "city": ["Derby"]}""", ["city_invalid"] },
        { """{"label": "A", "country": false}""", ["country_invalid"] },
        { $$"""{"label": "A", "address_1": "{{new string('x', 201)}}"}""", ["address_1_too_long"] },
        { $$"""{"label": "A", "contact_name": "{{new string('x', 201)}}"}""", ["contact_name_too_long"] },
        { """{"label": "A", "colour": "red"}""", ["colour_unknown"] },
        { """{"label": "A", "id": "e3f5a2c4-9e2b-4f8a-b1d2-7c8e5f1a3b9d"}""", ["id_unknown"] },
        { """{"label": "A", "Bad Name!": 1}""", ["unknown_field"] },
        { """{"label": "A", "city": "Derby", "city": "Leeds"}""", ["city_duplicate"] },
        {
            """{"bogus": 1, "contact_email": "x", "postcode": "zz", "is_default": "no"}""",
            ["bogus_unknown", "label_required", "contact_email_invalid", "postcode_invalid", "is_default_invalid"]
        },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task Invalid_creates_are_rejected_with_field_codes_and_save_nothing(string json, string[] codes)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);

        var body = await (await client.PostJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(codes, body.ErrorCodes());
        Assert.Empty(await ListAsync(client));
    }

    [Fact]
    public async Task An_empty_create_body_is_label_required()
    {
        var brand = await NewBrandAsync();
        var body = await (await Api.ClientWith(brand.AdminKey).PostJsonAsync(Url, "")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["label_required"], body.ErrorCodes());
    }

    [Theory]
    [InlineData("[]", "invalid_body")]
    [InlineData("\"Long Eaton DC\"", "invalid_body")]
    [InlineData("42", "invalid_body")]
    [InlineData("{\"label\": ", "invalid_json")]
    [InlineData("{label: 'x'}", "invalid_json")]
    public async Task Bodies_that_are_not_json_objects_are_rejected(string json, string code)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var existing = await AddAsync(client, "A");

        await (await client.PostJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, code);
        await (await client.PatchJsonAsync($"{Url}/{Id(existing)}", json)).AssertErrorAsync(HttpStatusCode.BadRequest, code);
        Assert.Single(await ListAsync(client));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var brand = await NewBrandAsync();
        var response = await Api.ClientWith(brand.AdminKey).PostAsync(Url, new StringContent("label=A", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        await response.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    public async Task An_empty_patch_is_no_fields(string json)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var w = await AddAsync(client, "A");

        await (await client.PatchJsonAsync($"{Url}/{Id(w)}", json)).AssertErrorAsync(HttpStatusCode.BadRequest, "no_fields");
    }

    [Fact]
    public async Task An_invalid_patch_changes_nothing()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var a = await CreateAsync(client, FullCreate);
        var b = await AddAsync(client, "B");
        var before = await client.GetStringAsync(Url);

        var response = await client.PatchJsonAsync($"{Url}/{Id(b)}",
            """{"label": "Renamed", "is_default": true, "contact_email": "nope", "label_x": 1, "postcode": null}""");

        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["label_x_unknown", "contact_email_invalid"], body.ErrorCodes());
        Assert.Equal(before, await client.GetStringAsync(Url));
        Assert.True(a.GetProperty("is_default").GetBoolean());

        var nullLabel = await client.PatchJsonAsync($"{Url}/{Id(b)}", """{"label": null}""");
        Assert.Equal(["label_required"], (await nullLabel.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
        Assert.Equal(before, await client.GetStringAsync(Url));
    }

    // ---- not found ----

    [Theory]
    [InlineData("6f1c1e0a-3b8e-4c7b-9a55-0d5d7c1f2e3a")]
    [InlineData("not-a-uuid")]
    [InlineData("123")]
    public async Task Unknown_and_malformed_ids_are_warehouse_not_found(string id)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        await AddAsync(client, "A");

        var body = await (await client.GetAsync($"{Url}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "warehouse_not_found");
        Assert.Equal("Warehouse not found.", body.GetProperty("message").GetString());
        await (await client.PatchJsonAsync($"{Url}/{id}", """{"label":"X"}""")).AssertErrorAsync(HttpStatusCode.NotFound, "warehouse_not_found");
        await (await client.DeleteAsync($"{Url}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "warehouse_not_found");
        await (await client.PostAsync($"{Url}/{id}/set-default", null)).AssertErrorAsync(HttpStatusCode.NotFound, "warehouse_not_found");
        Assert.Single(await ListAsync(client));
    }

    // ---- auth ----

    private static IEnumerable<(HttpMethod Method, string Path, string? Body)> Calls(string id) =>
    [
        (HttpMethod.Get, Url, null),
        (HttpMethod.Get, $"{Url}/{id}", null),
        (HttpMethod.Post, Url, """{"label":"X"}"""),
        (HttpMethod.Patch, $"{Url}/{id}", """{"label":"X"}"""),
        (HttpMethod.Delete, $"{Url}/{id}", null),
        (HttpMethod.Post, $"{Url}/{id}/set-default", null),
    ];

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = HttpExtensions.JsonContent(body);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task Every_endpoint_needs_a_bearer_token_and_a_partner_admin_with_the_right_scope()
    {
        var brand = await NewBrandAsync();
        var admin = Api.ClientWith(brand.AdminKey);
        var w = await AddAsync(admin, "A");
        var before = await admin.GetStringAsync(Url);

        foreach (var (method, path, body) in Calls(Id(w)))
        {
            var isRead = method == HttpMethod.Get;
            await (await SendAsync(Api.ClientWith(null), method, path, body)).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
            await (await SendAsync(Api.ClientWith("re_pk_live_nonsense"), method, path, body)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
            await (await SendAsync(Api.ClientWith(brand.MemberKey), method, path, body)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
            var wrongScope = isRead ? brand.WriteOnlyKey : brand.ReadOnlyKey;
            await (await SendAsync(Api.ClientWith(wrongScope), method, path, body)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        }
        Assert.Equal(before, await admin.GetStringAsync(Url));
        // The read-only key can read.
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(brand.ReadOnlyKey).GetAsync(Url)).StatusCode);
    }

    // ---- isolation ----

    [Fact]
    public async Task Another_brand_cannot_see_or_change_a_brands_warehouses()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var clientA = Api.ClientWith(a.AdminKey);
        var clientB = Api.ClientWith(b.AdminKey);
        var first = await CreateAsync(clientA, FullCreate);
        var second = await AddAsync(clientA, "Burton-on-Trent overflow");
        var before = await clientA.GetStringAsync(Url);

        foreach (var id in new[] { Id(first), Id(second) })
        {
            await (await clientB.GetAsync($"{Url}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "warehouse_not_found");
            await (await clientB.PatchJsonAsync($"{Url}/{id}", """{"label":"Hijacked","is_default":true}""")).AssertErrorAsync(HttpStatusCode.NotFound, "warehouse_not_found");
            await (await clientB.PatchJsonAsync($"{Url}/{id}", """{"is_default":false}""")).AssertErrorAsync(HttpStatusCode.NotFound, "warehouse_not_found");
            await (await clientB.PostAsync($"{Url}/{id}/set-default", null)).AssertErrorAsync(HttpStatusCode.NotFound, "warehouse_not_found");
            await (await clientB.DeleteAsync($"{Url}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "warehouse_not_found");
        }
        var listB = await (await clientB.GetAsync(Url)).JsonAsync();
        Assert.Equal(b.Id, listB.GetProperty("brand_id").GetString());
        Assert.Equal(0, listB.GetProperty("warehouses").GetArrayLength());
        // B's own first warehouse is its default: A's default does not count for B.
        Assert.True((await AddAsync(clientB, "B's own")).GetProperty("is_default").GetBoolean());
        // The sandbox plane of the same brand is another database.
        Assert.Empty(await ListAsync(Api.ClientWith(a.SandboxAdminKey)));

        Assert.Equal(before, await clientA.GetStringAsync(Url));
    }

    // ---- audit ----

    private static async Task<string[]> AuditActionsAsync(HttpClient client)
    {
        var body = await (await client.GetAsync("/v1/partner/audit-log?per_page=100")).JsonAsync();
        var actions = body.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray();
        return actions.GroupBy(a => a).Select(g => $"{g.Key}:{g.Count()}").ToArray();
    }

    [Fact]
    public async Task Every_change_is_audited_with_the_changed_fields()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var a = await CreateAsync(client, """{"label":"A","postcode":"ng102qq"}""");
        var b = await AddAsync(client, "B");
        await client.PatchJsonAsync($"{Url}/{Id(b)}", """{"label":"B2","address_1":"1 Road"}""");
        await client.PostAsync($"{Url}/{Id(b)}/set-default", null);
        await client.DeleteAsync($"{Url}/{Id(b)}");

        var body = await (await client.GetAsync("/v1/partner/audit-log?per_page=100")).JsonAsync();
        var entries = body.GetProperty("data").EnumerateArray().Reverse().ToArray();
        Assert.Equal(
            ["warehouse.created", "warehouse.default_changed", "warehouse.created", "warehouse.updated",
             "warehouse.default_changed", "warehouse.deleted", "warehouse.default_changed"],
            entries.Select(e => e.GetProperty("action").GetString()));

        var created = entries[0].GetProperty("changes");
        Assert.Equal(Id(a), entries[0].GetProperty("target_id").GetString());
        Assert.Equal("A", created.GetProperty("label").GetProperty("to").GetString());
        Assert.Equal("NG10 2QQ", created.GetProperty("postcode").GetProperty("to").GetString());
        Assert.True(created.GetProperty("is_default").GetProperty("to").GetBoolean());
        Assert.False(created.TryGetProperty("contact_name", out _));
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("changes").GetProperty("default_warehouse_id").GetProperty("from").ValueKind);
        Assert.Equal(Id(a), entries[1].GetProperty("changes").GetProperty("default_warehouse_id").GetProperty("to").GetString());

        var updated = entries[3].GetProperty("changes");
        Assert.Equal(["label", "address_1"], updated.EnumerateObject().Select(p => p.Name));
        Assert.Equal("B", updated.GetProperty("label").GetProperty("from").GetString());
        Assert.Equal("B2", updated.GetProperty("label").GetProperty("to").GetString());

        var promoted = entries[4].GetProperty("changes").GetProperty("default_warehouse_id");
        Assert.Equal(Id(a), promoted.GetProperty("from").GetString());
        Assert.Equal(Id(b), promoted.GetProperty("to").GetString());

        var deleted = entries[5].GetProperty("changes");
        Assert.Equal("B2", deleted.GetProperty("label").GetProperty("from").GetString());
        Assert.Equal(JsonValueKind.Null, deleted.GetProperty("label").GetProperty("to").ValueKind);

        var handedBack = entries[6].GetProperty("changes").GetProperty("default_warehouse_id");
        Assert.Equal(Id(b), handedBack.GetProperty("from").GetString());
        Assert.Equal(Id(a), handedBack.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Rejected_requests_write_no_audit_entries()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var a = await AddAsync(client, "A");
        var before = await AuditActionsAsync(client);

        await client.PostJsonAsync(Url, """{"label": ""}""");
        await client.PatchJsonAsync($"{Url}/{Id(a)}", """{"is_default": false}""");
        await client.PatchJsonAsync($"{Url}/{Id(a)}", """{"label": "A"}""");

        Assert.Equal(before, await AuditActionsAsync(client));
    }

    // ---- concurrency and the database's own rules ----

    private async Task<int> CountDefaultsInDatabaseAsync(string brandId)
    {
        await using var db = Api.Planes.Open(Plane.Live, brandId);
        return await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM warehouses WHERE is_default").SingleAsync();
    }

    [Fact]
    public async Task Concurrent_promotions_creates_and_deletes_leave_exactly_one_default()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var seeded = new List<string>();
        for (var i = 0; i < 4; i++) seeded.Add(Id(await AddAsync(client, $"Seed {i}")));

        var calls = Enumerable.Range(0, 24).Select(i => (i % 4) switch
        {
            0 => client.PostAsync($"{Url}/{seeded[i / 4 % seeded.Count]}/set-default", null),
            1 => client.PostJsonAsync(Url, $$"""{"label":"Concurrent {{i}}","is_default":true}"""),
            2 => client.PostJsonAsync(Url, $$"""{"label":"Concurrent {{i}}"}"""),
            _ => client.PostAsync($"{Url}/{seeded[(i / 4 + 1) % seeded.Count]}/set-default", null),
        }).ToList();
        // Deleting the seeded default races the promotions of it.
        calls.Add(client.DeleteAsync($"{Url}/{seeded[0]}"));
        var responses = await Task.WhenAll(calls);

        foreach (var response in responses)
        {
            var ok = response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created
                // A promotion that runs after the delete of its warehouse finds nothing to promote.
                || response.StatusCode == HttpStatusCode.NotFound && response.RequestMessage!.RequestUri!.AbsolutePath.Contains(seeded[0], StringComparison.Ordinal);
            Assert.True(ok, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        var list = await ListAsync(client);
        Assert.Equal(4 - 1 + 12, list.Length);
        Assert.Single(Defaults(list));
        Assert.Equal(1, await CountDefaultsInDatabaseAsync(brand.Id));
    }

    [Fact]
    public async Task Twenty_concurrent_set_default_calls_leave_exactly_one_default()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(Id(await AddAsync(client, $"W{i}")));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.PostAsync($"{Url}/{ids[i % ids.Count]}/set-default", null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // Every response is a consistent snapshot: exactly one default in each.
        foreach (var r in responses)
        {
            var list = (await r.JsonAsync()).GetProperty("warehouses").EnumerateArray().ToArray();
            Assert.Equal(5, list.Length);
            Assert.Single(Defaults(list));
        }
        Assert.Single(Defaults(await ListAsync(client)));
        Assert.Equal(1, await CountDefaultsInDatabaseAsync(brand.Id));
    }

    private async Task<NpgsqlConnection> OpenBrandConnectionAsync(string brandId)
    {
        var conn = await Api.Planes.For(Plane.Live).OpenConnectionAsync();
        await using var set = new NpgsqlCommand("SELECT set_config('app.brand_id', $1, false)", conn);
        set.Parameters.Add(new NpgsqlParameter { Value = brandId });
        await set.ExecuteNonQueryAsync();
        return conn;
    }

    private static async Task ExecAsync(NpgsqlConnection conn, string sql, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        await cmd.ExecuteNonQueryAsync();
    }

    private const string InsertWarehouse =
        "INSERT INTO warehouses (id, brand_id, label, country, is_default, created_at, updated_at) VALUES (gen_random_uuid(), $1, $2, 'United Kingdom', $3, now(), now())";

    [Fact]
    public async Task The_database_rejects_a_second_default_at_commit()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        await AddAsync(client, "A");
        var before = await client.GetStringAsync(Url);

        await using var conn = await OpenBrandConnectionAsync(brand.Id);
        await using var tx = await conn.BeginTransactionAsync();
        // Deferred: the insert itself is accepted...
        await ExecAsync(conn, InsertWarehouse, brand.Id, "Second default", true);
        // ...and the commit is not.
        var error = await Assert.ThrowsAsync<PostgresException>(() => tx.CommitAsync());
        Assert.Equal(PostgresErrorCodes.ExclusionViolation, error.SqlState);

        Assert.Equal(before, await client.GetStringAsync(Url));
        Assert.Equal(1, await CountDefaultsInDatabaseAsync(brand.Id));
    }

    [Fact]
    public async Task The_database_rejects_warehouses_without_a_default_at_commit()
    {
        var brand = await NewBrandAsync();

        await using var conn = await OpenBrandConnectionAsync(brand.Id);
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await ExecAsync(conn, InsertWarehouse, brand.Id, "Not default", false);
            var error = await Assert.ThrowsAsync<PostgresException>(() => tx.CommitAsync());
            Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        }

        var client = Api.ClientWith(brand.AdminKey);
        var a = await AddAsync(client, "A");
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await ExecAsync(conn, "UPDATE warehouses SET is_default = false WHERE id = $1", Guid.Parse(Id(a)));
            var error = await Assert.ThrowsAsync<PostgresException>(() => tx.CommitAsync());
            Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        }
        Assert.Equal([Id(a)], Defaults(await ListAsync(client)));
    }

    [Fact]
    public async Task A_change_that_loses_a_race_with_a_writer_outside_the_api_is_409_conflict_and_saves_nothing()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var w0 = Guid.Parse(Id(await AddAsync(client, "W0")));
        var w1 = Guid.Parse(Id(await AddAsync(client, "W1")));
        var w2 = Guid.Parse(Id(await AddAsync(client, "W2")));
        var audited = await AuditActionsAsync(client);

        // A writer that does not take the brand lock swaps the default to W2 (checked as it goes)
        // and holds the row locks open.
        await using var writer = await OpenBrandConnectionAsync(brand.Id);
        await using var tx = await writer.BeginTransactionAsync();
        await ExecAsync(writer, "SET CONSTRAINTS ALL IMMEDIATE");
        await ExecAsync(writer, "UPDATE warehouses SET is_default = (id = $1) WHERE id IN ($1, $2)", w2, w0);

        // The API promotes W1 from the state it read (W0 default) and waits on W0's row lock.
        var promote = client.PostAsync($"{Url}/{w1}/set-default", null);
        await using (var monitor = await Api.Planes.For(Plane.Live).OpenConnectionAsync())
        {
            var blocked = false;
            for (var i = 0; i < 200 && !blocked && !promote.IsCompleted; i++)
            {
                await using var cmd = new NpgsqlCommand("SELECT count(*)::int FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", monitor);
                cmd.Parameters.Add(new NpgsqlParameter { Value = writer.ProcessID });
                blocked = (int)(await cmd.ExecuteScalarAsync())! > 0;
                if (!blocked) await Task.Delay(50);
            }
            Assert.True(blocked, "the API request never waited on the outside writer");
        }
        await tx.CommitAsync();

        var response = await promote;
        var body = await response.AssertErrorAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Contains("Retry", body.GetProperty("message").GetString());
        Assert.Equal([w2.ToString()], Defaults(await ListAsync(client)));
        Assert.Equal(1, await CountDefaultsInDatabaseAsync(brand.Id));
        Assert.Equal(audited, await AuditActionsAsync(client));
    }

    // ---- OpenAPI ----

    [Fact]
    public async Task The_openapi_document_describes_every_warehouse_endpoint_and_its_errors()
    {
        var doc = JsonNode.Parse(await Api.ClientWith(null).GetStringAsync("/openapi/v1.json"))!;
        var paths = doc["paths"]!;
        var item = paths[$"{Url}/{{id}}"]!;
        Assert.NotNull(paths[Url]!["get"]);
        Assert.NotNull(paths[Url]!["post"]!["requestBody"]);
        Assert.NotNull(item["get"]);
        Assert.NotNull(item["patch"]!["requestBody"]);
        Assert.NotNull(item["delete"]);
        Assert.NotNull(paths[$"{Url}/{{id}}/set-default"]!["post"]);
        Assert.Contains("warehouse_not_found", item["delete"]!["responses"]!["404"]!["description"]!.GetValue<string>());
        Assert.Contains("is_default_invalid", item["patch"]!["responses"]!["400"]!["description"]!.GetValue<string>());
        Assert.Contains("no_fields", item["patch"]!["responses"]!["400"]!["description"]!.GetValue<string>());
        Assert.Contains("conflict", paths[$"{Url}/{{id}}/set-default"]!["post"]!["responses"]!["409"]!["description"]!.GetValue<string>());
        Assert.Contains("missing_bearer_token", paths[Url]!["get"]!["responses"]!["401"]!["description"]!.GetValue<string>());
        Assert.Contains("address_1", doc["components"]!["schemas"]!["WarehouseView"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Contains("first warehouse", paths[Url]!["post"]!["description"]!.GetValue<string>());
    }
}
