using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Listings;

/// <summary>
/// Field-level validation of POST and PATCH /v1/listings over real HTTP. Every rejection must be
/// <c>400 validation_failed</c> naming each failing field in <c>data.errors</c> and in the message,
/// and must leave the database exactly as it was.
/// </summary>
public sealed class ListingValidationTests : ApiTest
{
    private const string CreatePrefix = "Listing could not be created";
    private const string UpdatePrefix = "Update rejected";

    // ---- required fields ----------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("\"\\t\\n \"")]
    public async Task Missing_null_or_blank_title_is_title_required(string? json)
    {
        await AssertCreateRejectedAsync(CreateWith("title", json), "title_required");
        if (json is not null) await AssertPatchRejectedAsync("title", json, "title_required");
    }

    [Theory]
    [InlineData("price_gbp", null, "price_gbp_required")]
    [InlineData("price_gbp", "null", "price_gbp_required")]
    [InlineData("category", null, "category_required")]
    [InlineData("category", "null", "category_required")]
    [InlineData("condition", null, "condition_required")]
    [InlineData("condition", "null", "condition_required")]
    public async Task Missing_or_null_required_field_is_required(string field, string? json, string code)
    {
        await AssertCreateRejectedAsync(CreateWith(field, json), code);
        if (json is not null) await AssertPatchRejectedAsync(field, json, code);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task Empty_or_null_faults_is_faults_required(string json)
    {
        await AssertCreateRejectedAsync(CreateWith("faults", json), "faults_required");
        await AssertPatchRejectedAsync("faults", json, "faults_required");
    }

    [Fact]
    public async Task Empty_create_body_reports_every_required_field()
    {
        // Omitted faults default to ["None"], so faults are not among the required codes.
        await AssertCreateRejectedAsync("{}", "title_required", "price_gbp_required", "condition_required", "category_required");
    }

    // ---- text lengths -------------------------------------------------------------------------

    [Theory]
    [InlineData("title", 201, "title_too_long")]
    [InlineData("description", 20_001, "description_too_long")]
    [InlineData("sku", 101, "sku_too_long")]
    [InlineData("warehouse_location", 101, "warehouse_location_too_long")]
    public async Task Text_over_its_limit_is_too_long(string field, int length, string code)
    {
        var json = JsonSerializer.Serialize(new string('x', length));
        await AssertCreateRejectedAsync(CreateWith(field, json), code);
        await AssertPatchRejectedAsync(field, json, code);
    }

    [Theory]
    [InlineData("title", 200)]
    [InlineData("description", 20_000)]
    [InlineData("sku", 100)]
    [InlineData("warehouse_location", 100)]
    public async Task Text_at_its_limit_is_accepted(string field, int length)
    {
        var (_, client) = await CallerAsync();
        var text = new string('x', length);

        var body = await CreateOkAsync(client, CreateWith(field, JsonSerializer.Serialize(text)));

        Assert.Equal(text, body.GetProperty(field).GetString());
    }

    [Theory]
    [InlineData("title", "42", "title_invalid")]
    [InlineData("title", "[\"Sofa\"]", "title_invalid")]
    [InlineData("description", "{}", "description_invalid")]
    [InlineData("sku", "42", "sku_invalid")]
    [InlineData("warehouse_location", "true", "warehouse_location_invalid")]
    public async Task Non_string_text_is_invalid(string field, string json, string code)
    {
        await AssertCreateRejectedAsync(CreateWith(field, json), code);
        await AssertPatchRejectedAsync(field, json, code);
    }

    // ---- money --------------------------------------------------------------------------------

    [Theory]
    [InlineData("-5")]
    [InlineData("-0.01")]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("1000000.01")]
    [InlineData("1000001")]
    [InlineData("1e7")]
    [InlineData("1e400")]
    [InlineData("899.001")]
    [InlineData("0.001")]
    [InlineData("\"abc\"")]
    [InlineData("\"\"")]
    [InlineData("\"-5\"")]
    [InlineData("\"899.001\"")]
    [InlineData("\"1,299\"")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("{\"amount\":899}")]
    [InlineData("[899]")]
    public async Task Negative_zero_excessive_over_precise_or_non_numeric_price_is_price_gbp_invalid(string json)
    {
        await AssertCreateRejectedAsync(CreateWith("price_gbp", json), "price_gbp_invalid");
        await AssertPatchRejectedAsync("price_gbp", json, "price_gbp_invalid");
    }

    [Theory]
    [InlineData("rrp_gbp", "-1", "rrp_gbp_invalid")]
    [InlineData("rrp_gbp", "0", "rrp_gbp_invalid")]
    [InlineData("rrp_gbp", "1000000.01", "rrp_gbp_invalid")]
    [InlineData("rrp_gbp", "12.345", "rrp_gbp_invalid")]
    [InlineData("rrp_gbp", "\"abc\"", "rrp_gbp_invalid")]
    [InlineData("rrp_gbp", "true", "rrp_gbp_invalid")]
    [InlineData("sale_price_gbp", "-1", "sale_price_gbp_invalid")]
    [InlineData("sale_price_gbp", "0", "sale_price_gbp_invalid")]
    [InlineData("sale_price_gbp", "599.999", "sale_price_gbp_invalid")]
    [InlineData("sale_price_gbp", "\"abc\"", "sale_price_gbp_invalid")]
    [InlineData("sale_price_gbp", "{}", "sale_price_gbp_invalid")]
    public async Task Bad_optional_money_is_invalid(string field, string json, string code)
    {
        await AssertCreateRejectedAsync(CreateWith(field, json), code);
        await AssertPatchRejectedAsync(field, json, code);
    }

    [Theory]
    [InlineData("899.01")]
    [InlineData("1000")]
    [InlineData("\"999\"")]
    public async Task Sale_price_above_price_is_sale_price_gbp_invalid(string json)
    {
        // ValidCreate's price_gbp is 899.
        await AssertCreateRejectedAsync(CreateWith("sale_price_gbp", json), "sale_price_gbp_invalid");
        await AssertPatchRejectedAsync("sale_price_gbp", json, "sale_price_gbp_invalid");
    }

    [Fact]
    public async Task Lowering_price_below_the_existing_sale_price_is_sale_price_gbp_invalid()
    {
        var (brand, client) = await CallerAsync();
        var id = await Infrastructure.Listings.CreateAsync(client, CreateWith("sale_price_gbp", "599"));

        await AssertPatchRejectedAsync(brand, client, id, """{"price_gbp": 500}""", "sale_price_gbp_invalid");
    }

    [Fact]
    public async Task Sale_price_equal_to_price_is_accepted()
    {
        var (_, client) = await CallerAsync();

        var body = await CreateOkAsync(client, CreateWith("sale_price_gbp", "899"));

        Assert.Equal(899m, body.GetProperty("sale_price").GetDecimal());
    }

    [Theory]
    [InlineData("\"899.00\"", 899)]
    [InlineData("\"899\"", 899)]
    [InlineData("\"0.01\"", 0.01)]
    [InlineData("0.01", 0.01)]
    [InlineData("1000000", 1000000)]
    [InlineData("\"1000000.00\"", 1000000)]
    [InlineData("899.10", 899.1)]
    public async Task Numeric_strings_and_boundary_prices_are_accepted(string json, double expected)
    {
        var (_, client) = await CallerAsync();

        var body = await CreateOkAsync(client, CreateWith("price_gbp", json));

        Assert.Equal((decimal)expected, body.GetProperty("regular_price").GetDecimal());
        Assert.Equal((decimal)expected, body.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Numeric_string_sale_price_and_rrp_are_accepted()
    {
        var (_, client) = await CallerAsync();
        var json = Set(Infrastructure.Listings.ValidCreate, ("price_gbp", "\"899.00\""), ("sale_price_gbp", "\"599.50\""), ("rrp_gbp", "\"1899\""));

        var body = await CreateOkAsync(client, json);

        Assert.Equal(599.5m, body.GetProperty("price").GetDecimal());
        Assert.Equal(899m, body.GetProperty("regular_price").GetDecimal());
        Assert.Equal(599.5m, body.GetProperty("sale_price").GetDecimal());
        Assert.Equal(1899m, body.GetProperty("rrp").GetDecimal());
    }

    // ---- choices ------------------------------------------------------------------------------

    [Theory]
    [InlineData("category", "\"Sofas\"", "category_invalid")]
    [InlineData("category", "\"corner sofas\"", "category_invalid")]
    [InlineData("category", "5", "category_invalid")]
    [InlineData("category", "[\"Corner Sofas\"]", "category_invalid")]
    [InlineData("condition", "\"new\"", "condition_invalid")]
    [InlineData("condition", "\"Like new\"", "condition_invalid")]
    [InlineData("condition", "\"LIKE-NEW\"", "condition_invalid")]
    [InlineData("condition", "1", "condition_invalid")]
    [InlineData("channel", "\"auction\"", "channel_invalid")]
    [InlineData("channel", "\"Clearance\"", "channel_invalid")]
    [InlineData("channel", "null", "channel_invalid")]
    [InlineData("channel", "1", "channel_invalid")]
    [InlineData("status", "\"closed\"", "status_invalid")]
    [InlineData("status", "\"deleted\"", "status_invalid")]
    [InlineData("status", "\"ACTIVE\"", "status_invalid")]
    [InlineData("status", "null", "status_invalid")]
    [InlineData("status", "true", "status_invalid")]
    public async Task Value_outside_its_choices_is_invalid(string field, string json, string code)
    {
        await AssertCreateRejectedAsync(CreateWith(field, json), code);
        await AssertPatchRejectedAsync(field, json, code);
    }

    [Theory]
    [InlineData("brand", "\"Ikea\"", "brand_invalid")]
    [InlineData("brand", "\"Argos\"", "brand_invalid")]
    [InlineData("brand", "\"\"", "brand_invalid")]
    [InlineData("brand", "7", "brand_invalid")]
    [InlineData("colour", "\"Purple\"", "colour_invalid")]
    [InlineData("colour", "\"grey\"", "colour_invalid")]
    [InlineData("colour", "[\"Grey\"]", "colour_invalid")]
    [InlineData("fabric", "\"Wool\"", "fabric_invalid")]
    [InlineData("fabric", "\"Boucle\"", "fabric_invalid")]
    [InlineData("age_years", "\"3 years\"", "age_years_invalid")]
    [InlineData("age_years", "\"4 years old\"", "age_years_invalid")]
    [InlineData("age_years", "3", "age_years_invalid")]
    [InlineData("item_type", "\"Sofa\"", "item_type_invalid")]
    public async Task Taxonomy_value_not_in_options_is_invalid(string field, string json, string code)
    {
        await AssertCreateRejectedAsync(CreateWith(field, json), code);
        await AssertPatchRejectedAsync(field, json, code);
    }

    [Fact]
    public async Task Every_value_listed_by_options_is_accepted()
    {
        var (_, client) = await CallerAsync();
        var id = await Infrastructure.Listings.CreateAsync(client);
        var options = await (await client.GetAsync("/v1/listings/options")).JsonAsync();
        var cases = new (string Option, string Field, string ResponseField)[]
        {
            ("brands", "brand", "brand"), ("colours", "colour", "colour"), ("fabrics", "fabric", "fabric"),
            ("ages", "age_years", "age_years"), ("categories", "category", "category"), ("item_types", "item_type", "item_type"),
            ("conditions", "condition", "condition"),
        };

        foreach (var (option, field, responseField) in cases)
        {
            foreach (var entry in options.GetProperty(option).EnumerateArray())
            {
                var value = entry.ValueKind == JsonValueKind.Object ? entry.GetProperty("value").GetString()! : entry.GetString()!;
                var response = await client.PatchJsonAsync($"/v1/listings/{id}", $"{{{Q(field)}:{JsonSerializer.Serialize(value)}}}");
                var body = await response.JsonAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{field}={value}: {body}");
                Assert.Equal(value, body.GetProperty(responseField).GetString());
            }
        }
        foreach (var option in new[] { "exposures", "faults" })
        {
            var field = option == "exposures" ? "exposed_to" : "faults";
            foreach (var entry in options.GetProperty(option).EnumerateArray())
            {
                var value = entry.GetProperty("value").GetString()!;
                var response = await client.PatchJsonAsync($"/v1/listings/{id}", $"{{{Q(field)}:[{JsonSerializer.Serialize(value)}]}}");
                var body = await response.JsonAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{field}=[{value}]: {body}");
                Assert.Equal([value], Strings(body.GetProperty(field)));
            }
        }
    }

    // ---- delivery contribution ----------------------------------------------------------------

    [Theory]
    [InlineData("45")]
    [InlineData("60.5")]
    [InlineData("\"60\"")]
    [InlineData("-30")]
    [InlineData("130")]
    [InlineData("1e30")]
    [InlineData("true")]
    [InlineData("[60]")]
    public async Task Delivery_contribution_outside_0_30_60_129_is_invalid(string json)
    {
        await AssertCreateRejectedAsync(CreateWith("delivery_contribution_gbp", json), "delivery_contribution_invalid");
        await AssertPatchRejectedAsync("delivery_contribution_gbp", json, "delivery_contribution_invalid");
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("30", 30)]
    [InlineData("60", 60)]
    [InlineData("129", 129)]
    [InlineData("60.0", 60)]
    public async Task Delivery_contribution_of_0_30_60_or_129_is_accepted(string json, int expected)
    {
        var (_, client) = await CallerAsync();

        var body = await CreateOkAsync(client, CreateWith("delivery_contribution_gbp", json));

        Assert.Equal(expected, body.GetProperty("delivery_contribution_gbp").GetInt32());
    }

    // ---- faults and exposures -----------------------------------------------------------------

    [Theory]
    [InlineData("[\"Broken leg\"]")]
    [InlineData("[\"none\"]")]
    [InlineData("[\"None\",\"Fire Label\"]")]
    [InlineData("[\"Rips or tears\",\"None\"]")]
    [InlineData("[\"None\",\"None\"]")]
    [InlineData("[null]")]
    [InlineData("[1]")]
    [InlineData("\"None\"")]
    [InlineData("{\"None\":true}")]
    public async Task Unknown_duplicate_or_none_combined_faults_are_faults_invalid(string json)
    {
        await AssertCreateRejectedAsync(CreateWith("faults", json), "faults_invalid");
        await AssertPatchRejectedAsync("faults", json, "faults_invalid");
    }

    [Theory]
    [InlineData("[\"Birds\"]")]
    [InlineData("[\"dogs\"]")]
    [InlineData("[\"None\",\"Dogs\"]")]
    [InlineData("[\"Dogs\",\"Dogs\"]")]
    [InlineData("[\"Dogs\",null]")]
    [InlineData("\"Dogs\"")]
    [InlineData("42")]
    public async Task Unknown_duplicate_or_none_combined_exposures_are_exposed_to_invalid(string json)
    {
        await AssertCreateRejectedAsync(CreateWith("exposed_to", json), "exposed_to_invalid");
        await AssertPatchRejectedAsync("exposed_to", json, "exposed_to_invalid");
    }

    [Fact]
    public async Task Omitted_faults_default_to_none_on_create()
    {
        var (_, client) = await CallerAsync();

        var body = await CreateOkAsync(client, Infrastructure.Listings.ValidCreate);

        Assert.Equal(["None"], Strings(body.GetProperty("faults")));
        Assert.Equal([], Strings(body.GetProperty("exposed_to")));
    }

    [Fact]
    public async Task Omitted_faults_are_left_unchanged_on_patch()
    {
        var (_, client) = await CallerAsync();
        var id = await Infrastructure.Listings.CreateAsync(client, CreateWith("faults", """["Rips or tears","Fire Label"]"""));

        var body = await PatchOkAsync(client, id, """{"title":"Renamed sofa"}""");

        Assert.Equal(["Rips or tears", "Fire Label"], Strings(body.GetProperty("faults")));
    }

    // ---- dates and quantities -----------------------------------------------------------------

    [Theory]
    [InlineData("\"15/06/2026\"")]
    [InlineData("\"2026-13-01\"")]
    [InlineData("\"2026-02-30\"")]
    [InlineData("\"2026-6-15\"")]
    [InlineData("\"2026-06-15T00:00:00Z\"")]
    [InlineData("\"tomorrow\"")]
    [InlineData("\"\"")]
    [InlineData("20260615")]
    [InlineData("true")]
    public async Task Non_iso_or_impossible_date_is_available_from_invalid(string json)
    {
        await AssertCreateRejectedAsync(CreateWith("available_from", json), "available_from_invalid");
        await AssertPatchRejectedAsync("available_from", json, "available_from_invalid");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("10001")]
    [InlineData("100000")]
    [InlineData("99999999999")]
    [InlineData("\"2\"")]
    [InlineData("true")]
    public async Task Quantity_outside_1_to_10000_or_not_whole_is_quantity_identical_invalid(string json)
    {
        await AssertCreateRejectedAsync(CreateWith("quantity_identical", json), "quantity_identical_invalid");
        await AssertPatchRejectedAsync("quantity_identical", json, "quantity_identical_invalid");
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("10000", 10000)]
    public async Task Quantity_at_its_bounds_is_accepted(string json, int expected)
    {
        var (_, client) = await CallerAsync();

        var body = await CreateOkAsync(client, CreateWith("quantity_identical", json));

        Assert.Equal(expected, body.GetProperty("quantity_identical").GetInt32());
    }

    // ---- measurements and images --------------------------------------------------------------

    [Theory]
    [InlineData("\"210x90\"")]
    [InlineData("{\"dimension\":\"width\",\"value_cm\":210}")]
    [InlineData("[{\"dimension\":\"width\"}]")]
    [InlineData("[{\"value_cm\":210}]")]
    [InlineData("[{\"dimension\":\"\",\"value_cm\":210}]")]
    [InlineData("[{\"dimension\":\"   \",\"value_cm\":210}]")]
    [InlineData("[{\"dimension\":\"width\",\"value_cm\":0}]")]
    [InlineData("[{\"dimension\":\"width\",\"value_cm\":-5}]")]
    [InlineData("[{\"dimension\":\"width\",\"value_cm\":10001}]")]
    [InlineData("[{\"dimension\":\"width\",\"value_cm\":\"210\"}]")]
    [InlineData("[{\"dimension\":\"width\",\"value_cm\":210,\"unit\":\"cm\"}]")]
    [InlineData("[{\"dimension\":7,\"value_cm\":210}]")]
    [InlineData("[42]")]
    [InlineData("[null]")]
    public async Task Malformed_measurements_are_measurements_invalid(string json)
    {
        await AssertCreateRejectedAsync(CreateWith("measurements", json), "measurements_invalid");
        await AssertPatchRejectedAsync("measurements", json, "measurements_invalid");
    }

    [Fact]
    public async Task More_than_twenty_measurements_are_measurements_invalid()
    {
        var json = "[" + string.Join(",", Enumerable.Range(1, 21).Select(i => $$"""{"dimension":"d{{i}}","value_cm":{{i}}}""")) + "]";
        await AssertCreateRejectedAsync(CreateWith("measurements", json), "measurements_invalid");
        await AssertPatchRejectedAsync("measurements", json, "measurements_invalid");
    }

    [Theory]
    [InlineData("[\"not a url\"]")]
    [InlineData("[\"javascript:alert(1)\"]")]
    [InlineData("[\"JAVASCRIPT:alert(1)\"]")]
    [InlineData("[\"data:image/png;base64,iVBORw0KGgo=\"]")]
    [InlineData("[\"file:///etc/passwd\"]")]
    [InlineData("[\"ftp://cdn.example.com/a.jpg\"]")]
    [InlineData("[\"/uploads/a.jpg\"]")]
    [InlineData("[\"//cdn.example.com/a.jpg\"]")]
    [InlineData("[\"\"]")]
    [InlineData("[\"https://cdn.example.com/a.jpg\",42]")]
    [InlineData("[null]")]
    [InlineData("\"https://cdn.example.com/a.jpg\"")]
    [InlineData("{\"0\":\"https://cdn.example.com/a.jpg\"}")]
    public async Task Non_http_urls_are_images_invalid(string json)
    {
        await AssertCreateRejectedAsync(CreateWith("images", json), "images_invalid");
        await AssertPatchRejectedAsync("images", json, "images_invalid");
    }

    [Fact]
    public async Task More_than_twenty_images_are_images_invalid()
    {
        var json = JsonSerializer.Serialize(Enumerable.Range(1, 21).Select(i => $"https://cdn.example.com/{i}.jpg"));
        await AssertCreateRejectedAsync(CreateWith("images", json), "images_invalid");
        await AssertPatchRejectedAsync("images", json, "images_invalid");
    }

    [Fact]
    public async Task Twenty_images_and_twenty_measurements_are_accepted()
    {
        var (_, client) = await CallerAsync();
        var images = JsonSerializer.Serialize(Enumerable.Range(1, 20).Select(i => $"https://cdn.example.com/{i}.jpg"));
        var measurements = "[" + string.Join(",", Enumerable.Range(1, 20).Select(i => $$"""{"dimension":"d{{i}}","value_cm":{{i}}.5}""")) + "]";

        var body = await CreateOkAsync(client, Set(Infrastructure.Listings.ValidCreate, ("images", images), ("measurements", measurements)));

        Assert.Equal(20, body.GetProperty("images").GetArrayLength());
        Assert.Equal("https://cdn.example.com/1.jpg", body.GetProperty("image_url").GetString());
        Assert.Equal(20, body.GetProperty("measurements").GetArrayLength());
        Assert.Equal(20.5m, body.GetProperty("measurements")[19].GetProperty("value_cm").GetDecimal());
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"abc\"")]
    [InlineData("42")]
    public async Task Attachment_ids_that_do_not_belong_to_the_caller_are_invalid(string json)
    {
        await AssertCreateRejectedAsync(CreateWith("attachment_ids", json), "attachment_ids_invalid");
        await AssertPatchRejectedAsync("attachment_ids", json, "attachment_ids_invalid");
    }

    // ---- characters and repeated fields -------------------------------------------------------

    [Theory]
    [InlineData("title", 200)]
    [InlineData("sku", 100)]
    public async Task Limits_count_characters_so_emoji_text_at_the_limit_is_accepted(string field, int length)
    {
        // Each 🛋 is one character but two UTF-16 units: this was too_long before limits counted characters.
        var (_, client) = await CallerAsync();
        var text = string.Concat(Enumerable.Repeat("🛋", length));

        var created = await CreateOkAsync(client, CreateWith(field, JsonSerializer.Serialize(text)));
        var patched = await PatchOkAsync(client, created.GetProperty("id").GetInt64(), $"{{{Q(field)}:{JsonSerializer.Serialize(text)}}}");

        Assert.Equal(text, created.GetProperty(field).GetString());
        Assert.Equal(text, patched.GetProperty(field).GetString());
        var over = JsonSerializer.Serialize(text + "🛋");
        await AssertCreateRejectedAsync(CreateWith(field, over), $"{field}_too_long");
        await AssertPatchRejectedAsync(field, over, $"{field}_too_long");
    }

    [Theory]
    [InlineData("title", "\"Other sofa\"")]
    [InlineData("price_gbp", "1")]
    [InlineData("brand", "\"DFS\"")]
    public async Task A_field_sent_twice_is_duplicate_and_nothing_is_written(string field, string json)
    {
        // The last of two was silently kept before.
        var create = Infrastructure.Listings.ValidCreate.TrimStart();
        await AssertCreateRejectedAsync($"{{{Q(field)}:{json},{create[1..]}", $"{field}_duplicate");
        await AssertPatchRejectedAsync(field, $"{json},{Q(field)}:{json}", $"{field}_duplicate");
    }

    [Fact]
    public async Task A_measurement_with_a_repeated_key_is_measurements_invalid()
    {
        const string measurements = """[{"dimension":"Width","dimension":"Depth","value_cm":90}]""";
        var create = Infrastructure.Listings.ValidCreate.TrimStart();
        await AssertCreateRejectedAsync($"{{\"measurements\":{measurements},{create[1..]}", "measurements_invalid");
        await AssertPatchRejectedAsync("measurements", measurements, "measurements_invalid");
    }

    // ---- unknown fields -----------------------------------------------------------------------

    [Theory]
    [InlineData("colour_name", "colour_name_unknown")]
    [InlineData("price", "price_unknown")]
    [InlineData("id", "id_unknown")]
    [InlineData("brand_id", "brand_id_unknown")]
    [InlineData("owner_type", "owner_type_unknown")]
    [InlineData("seller_id", "seller_id_unknown")]
    [InlineData("view_count", "view_count_unknown")]
    [InlineData("deleted_at", "deleted_at_unknown")]
    [InlineData("Title", "unknown_field")]
    [InlineData("price gbp", "unknown_field")]
    [InlineData("", "unknown_field")]
    [InlineData("<script>", "unknown_field")]
    public async Task Unknown_field_is_rejected_by_name_when_safe_to_echo(string field, string code)
    {
        await AssertCreateRejectedAsync(Set(Infrastructure.Listings.ValidCreate, (field, "\"x\"")), code);
        await AssertPatchRejectedAsync(field, "\"x\"", code);
    }

    [Fact]
    public async Task Overlong_unknown_field_name_is_not_echoed()
    {
        var name = new string('a', 41);
        await AssertCreateRejectedAsync(Set(Infrastructure.Listings.ValidCreate, (name, "1")), "unknown_field");
    }

    // ---- several errors at once ---------------------------------------------------------------

    [Fact]
    public async Task Several_errors_on_create_are_reported_together_in_field_order()
    {
        const string json = """
            {"colour_name":"Grey","title":"   ","price_gbp":-1,"sale_price_gbp":"abc","delivery_contribution_gbp":45,
             "condition":"mint","colour":"Purple","available_from":"15/06/2026","quantity_identical":0,
             "exposed_to":["Birds"],"faults":["None","Fire Label"],"images":["javascript:alert(1)"],"sku":42}
            """;

        await AssertCreateRejectedAsync(json,
            "colour_name_unknown", "title_required", "price_gbp_invalid", "sale_price_gbp_invalid",
            "delivery_contribution_invalid", "condition_invalid", "category_required", "colour_invalid",
            "available_from_invalid", "quantity_identical_invalid", "exposed_to_invalid", "faults_invalid",
            "images_invalid", "sku_invalid");
    }

    [Fact]
    public async Task Several_errors_on_patch_are_reported_together_and_change_nothing()
    {
        var (brand, client) = await CallerAsync();
        var id = await Infrastructure.Listings.CreateAsync(client);

        await AssertPatchRejectedAsync(brand, client, id,
            """{"title":"A perfectly good new title","price_gbp":"abc","category":null,"faults":[],"brand":"Argos","sku":"NEW-SKU","oops":1}""",
            "oops_unknown", "price_gbp_invalid", "category_required", "brand_invalid", "faults_required");
    }

    // ---- PATCH happy paths --------------------------------------------------------------------

    [Fact]
    public async Task Null_clears_every_optional_field_on_patch()
    {
        var (_, client) = await CallerAsync();
        var id = await Infrastructure.Listings.CreateAsync(client, """
            {"title":"Brown leather 3-seater sofa","description":"Generous.","channel":"exchange","price_gbp":699,
             "sale_price_gbp":599,"rrp_gbp":1299,"delivery_contribution_gbp":30,"condition":"excellent","category":"3-Seater Sofas",
             "item_type":"3-Seater","brand":"DFS","colour":"Brown","fabric":"Leather","age_years":"3 years old",
             "available_from":"2026-06-15","quantity_identical":2,"measurements":[{"dimension":"width","value_cm":210}],
             "exposed_to":["Dogs"],"faults":["Fire Label"],"images":["https://cdn.example.com/a.jpg"],
             "sku":"FCO-1","warehouse_location":"Bay 1"}
            """);

        var patched = await PatchOkAsync(client, id, """
            {"description":null,"sale_price_gbp":null,"rrp_gbp":null,"item_type":null,"brand":null,"colour":null,"fabric":null,
             "age_years":null,"available_from":null,"sku":null,"warehouse_location":null,"images":null,"exposed_to":null,
             "measurements":null,"delivery_contribution_gbp":null,"quantity_identical":null,"attachment_ids":null}
            """);

        var reread = await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync();
        foreach (var body in new[] { patched, reread })
        {
            foreach (var field in new[] { "description", "sale_price", "rrp", "item_type", "brand", "colour", "fabric", "age_years", "available_from", "sku", "warehouse_location", "image_url" })
                Assert.True(body.GetProperty(field).ValueKind == JsonValueKind.Null, $"{field} should be null: {body}");
            Assert.Equal(0, body.GetProperty("images").GetArrayLength());
            Assert.Equal(0, body.GetProperty("exposed_to").GetArrayLength());
            Assert.Equal(0, body.GetProperty("measurements").GetArrayLength());
            Assert.Equal(0, body.GetProperty("delivery_contribution_gbp").GetInt32());
            Assert.Equal(1, body.GetProperty("quantity_identical").GetInt32());
            // With the sale price cleared the buyer pays the regular price.
            Assert.Equal(699m, body.GetProperty("price").GetDecimal());
            Assert.Equal("Brown leather 3-seater sofa", body.GetProperty("title").GetString());
            Assert.Equal(["Fire Label"], Strings(body.GetProperty("faults")));
        }
    }

    [Fact]
    public async Task Patch_accepts_numeric_string_price()
    {
        var (_, client) = await CallerAsync();
        var id = await Infrastructure.Listings.CreateAsync(client);

        var body = await PatchOkAsync(client, id, """{"price_gbp":"549.00"}""");

        Assert.Equal(549m, body.GetProperty("price").GetDecimal());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private (TestBrand Brand, HttpClient Client)? _caller;

    /// <summary>One brand per test case; rejections compare counts before and after, so requests in a case can share it.</summary>
    private async Task<(TestBrand Brand, HttpClient Client)> CallerAsync()
    {
        if (_caller is null)
        {
            var brand = await NewBrandAsync();
            _caller = (brand, Api.ClientWith(brand.AdminKey));
        }
        return _caller.Value;
    }

    /// <summary>POSTs <paramref name="json"/>; asserts exactly these codes and no listing written.</summary>
    private async Task AssertCreateRejectedAsync(string json, params string[] codes)
    {
        var (brand, client) = await CallerAsync();
        var count = await brand.CountListingsAsync(Api.Planes);

        var response = await client.PostJsonAsync("/v1/listings", json);

        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(codes, body.ErrorCodes());
        Assert.Equal($"{CreatePrefix}: {string.Join(", ", codes)}.", body.GetProperty("message").GetString());
        Assert.Equal(count, await brand.CountListingsAsync(Api.Planes));
    }

    /// <summary>PATCHes one field of a fresh valid listing; asserts exactly these codes and the listing unchanged.</summary>
    private async Task AssertPatchRejectedAsync(string field, string json, params string[] codes)
    {
        var (brand, client) = await CallerAsync();
        var id = await Infrastructure.Listings.CreateAsync(client);
        await AssertPatchRejectedAsync(brand, client, id, $"{{{Q(field)}:{json}}}", codes);
    }

    private async Task AssertPatchRejectedAsync(TestBrand brand, HttpClient client, long id, string patch, params string[] codes)
    {
        var before = (await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync()).GetRawText();
        var count = await brand.CountListingsAsync(Api.Planes);

        var response = await client.PatchJsonAsync($"/v1/listings/{id}", patch);

        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(codes, body.ErrorCodes());
        Assert.Equal($"{UpdatePrefix}: {string.Join(", ", codes)}.", body.GetProperty("message").GetString());
        var after = (await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync()).GetRawText();
        Assert.Equal(before, after);
        Assert.Equal(count, await brand.CountListingsAsync(Api.Planes));
    }

    private static async Task<JsonElement> CreateOkAsync(HttpClient client, string json)
    {
        var response = await client.PostJsonAsync("/v1/listings", json);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {body}");
        return body;
    }

    private static async Task<JsonElement> PatchOkAsync(HttpClient client, long id, string json)
    {
        var response = await client.PatchJsonAsync($"/v1/listings/{id}", json);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>The API reference's create example with one field set to raw JSON, or removed when <paramref name="json"/> is null.</summary>
    private static string CreateWith(string field, string? json)
    {
        var body = JsonNode.Parse(Infrastructure.Listings.ValidCreate)!.AsObject();
        if (json is null) body.Remove(field);
        else body[field] = JsonNode.Parse(json);
        return body.ToJsonString();
    }

    private static string Set(string json, params (string Field, string Json)[] fields)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        foreach (var (field, value) in fields) body[field] = JsonNode.Parse(value);
        return body.ToJsonString();
    }

    private static string Q(string field) => JsonSerializer.Serialize(field);

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
