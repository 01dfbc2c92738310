using System.Net;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Listings;

public sealed class ListingsCrudTests : ApiTest
{
    [Fact]
    public async Task Creating_the_spec_example_returns_the_full_detail_with_payout()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);

        var response = await client.PostJsonAsync("/v1/listings", Infrastructure.Listings.ValidCreate);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Grey velvet corner sofa", body.GetProperty("title").GetString());
        Assert.Equal(899m, body.GetProperty("price").GetDecimal());
        Assert.Equal("899", body.GetProperty("price").GetRawText());
        Assert.Equal("GBP", body.GetProperty("currency").GetString());
        Assert.Equal("active", body.GetProperty("status").GetString());
        Assert.Equal("clearance", body.GetProperty("channel").GetString());
        // 899 clearance: commission 134.85, VAT 26.97, delivery 60.
        Assert.Equal(677.18m, body.GetProperty("payout").GetDecimal());
        Assert.Equal("Corner Sofas", body.GetProperty("category").GetString());
        Assert.Equal("like-new", body.GetProperty("condition").GetString());
        Assert.Equal(0, body.GetProperty("images").GetArrayLength());
        Assert.Equal(brand.Id, body.GetProperty("brand_id").GetString());
        Assert.Equal("brand", body.GetProperty("owner").GetString());
        Assert.Equal("None", body.GetProperty("faults")[0].GetString());
        Assert.Equal($"/v1/listings/{body.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_created_listing_reads_back_with_every_field()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var id = await Infrastructure.Listings.CreateAsync(client, """
            {"title":"Brown leather 3-seater sofa","description":"Generous chocolate leather.","channel":"exchange",
             "price_gbp":699,"sale_price_gbp":599,"rrp_gbp":1299,"delivery_contribution_gbp":30,"condition":"excellent",
             "category":"3-Seater Sofas","item_type":"3-Seater","brand":"DFS","colour":"Brown","fabric":"Leather","age_years":"3 years old",
             "available_from":"2026-06-15","quantity_identical":2,"measurements":[{"dimension":"width","value_cm":210.5}],
             "exposed_to":["Dogs","Cats"],"faults":["Fire Label"],"images":["https://cdn.example.com/a.jpg","https://cdn.example.com/b.jpg"],
             "sku":"FCO-LE-3S-0042","warehouse_location":"Bay 12-C"}
            """);

        var body = await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync();

        Assert.Equal(599m, body.GetProperty("price").GetDecimal());
        Assert.Equal(699m, body.GetProperty("regular_price").GetDecimal());
        Assert.Equal(599m, body.GetProperty("sale_price").GetDecimal());
        Assert.Equal(1299m, body.GetProperty("rrp").GetDecimal());
        Assert.Equal("DFS", body.GetProperty("brand").GetString());
        Assert.Equal("Brown", body.GetProperty("colour").GetString());
        Assert.Equal("Leather", body.GetProperty("fabric").GetString());
        Assert.Equal("3 years old", body.GetProperty("age_years").GetString());
        Assert.Equal("2026-06-15", body.GetProperty("available_from").GetString());
        Assert.Equal(2, body.GetProperty("quantity_identical").GetInt32());
        Assert.Equal(210.5m, body.GetProperty("measurements")[0].GetProperty("value_cm").GetDecimal());
        Assert.Equal(["Dogs", "Cats"], body.GetProperty("exposed_to").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("https://cdn.example.com/a.jpg", body.GetProperty("image_url").GetString());
        Assert.Equal(2, body.GetProperty("images").GetArrayLength());
        Assert.Equal("FCO-LE-3S-0042", body.GetProperty("sku").GetString());
        Assert.Equal("Bay 12-C", body.GetProperty("warehouse_location").GetString());
        Assert.Equal(30, body.GetProperty("delivery_contribution_gbp").GetInt32());
        // 599 exchange: commission 83.86, VAT 16.77, delivery 30.
        Assert.Equal(468.37m, body.GetProperty("payout").GetDecimal());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", body.GetProperty("created_at").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", body.GetProperty("updated_at").GetString());
        Assert.StartsWith("https://sofalistic.co.uk/product/brown-leather-3-seater-sofa", body.GetProperty("url").GetString());
        Assert.Equal(JsonNull, body.GetProperty("seller").GetProperty("id").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Listing_defaults_to_twenty_active_per_page_newest_first_with_meta()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var ids = new List<long>();
        for (var i = 0; i < 23; i++) ids.Add(await Infrastructure.Listings.CreateAsync(client));
        await Infrastructure.Listings.CreateAsync(client, Infrastructure.Listings.ValidCreate.Replace("\"channel\": \"clearance\",", "\"channel\": \"clearance\", \"status\": \"draft\","));

        var response = await client.GetAsync("/v1/listings");
        var body = await response.JsonAsync();

        var meta = body.GetProperty("meta");
        Assert.Equal(1, meta.GetProperty("page").GetInt32());
        Assert.Equal(20, meta.GetProperty("per_page").GetInt32());
        Assert.Equal(23, meta.GetProperty("total").GetInt32());
        Assert.Equal(2, meta.GetProperty("total_pages").GetInt32());
        Assert.Equal(brand.Id, meta.GetProperty("brand_id").GetString());
        Assert.Equal("23", response.Headers.GetValues("X-Total-Count").Single());
        var returned = body.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.AsEnumerable().Reverse().Take(20), returned);

        var page2 = await (await client.GetAsync("/v1/listings?page=2")).JsonAsync();
        Assert.Equal(3, page2.GetProperty("data").GetArrayLength());

        var any = await (await client.GetAsync("/v1/listings?status=any&per_page=100")).JsonAsync();
        Assert.Equal(24, any.GetProperty("meta").GetProperty("total").GetInt32());
        var drafts = await (await client.GetAsync("/v1/listings?status=draft")).JsonAsync();
        Assert.Equal(1, drafts.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal("draft", drafts.GetProperty("data")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Listing_filters_by_channel()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        await Infrastructure.Listings.CreateAsync(client);
        await Infrastructure.Listings.CreateAsync(client, Infrastructure.Listings.ValidCreate.Replace("clearance", "exchange"));

        var clearance = await (await client.GetAsync("/v1/listings?per_page=10&channel=clearance")).JsonAsync();
        var exchange = await (await client.GetAsync("/v1/listings?channel=exchange")).JsonAsync();

        Assert.Equal(1, clearance.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal("clearance", clearance.GetProperty("data")[0].GetProperty("channel").GetString());
        Assert.Equal(10, clearance.GetProperty("meta").GetProperty("per_page").GetInt32());
        Assert.Equal(1, exchange.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal("exchange", exchange.GetProperty("data")[0].GetProperty("channel").GetString());
    }

    [Theory]
    [InlineData("per_page=101", "per_page")]
    [InlineData("per_page=0", "per_page")]
    [InlineData("per_page=abc", "per_page")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("status=deleted", "status")]
    [InlineData("channel=auction", "channel")]
    public async Task Listing_rejects_bad_query_parameters(string query, string param)
    {
        var brand = await NewBrandAsync();
        var response = await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/listings?{query}");
        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal(param, body.GetProperty("data").GetProperty("param").GetString());
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_sent_and_recomputes_payout()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var id = await Infrastructure.Listings.CreateAsync(client);

        var response = await client.PatchJsonAsync($"/v1/listings/{id}", """{ "price_gbp": 549.00 }""");

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(549m, body.GetProperty("price").GetDecimal());
        // 549 clearance: commission 82.35, VAT 16.47, delivery 60.
        Assert.Equal(390.18m, body.GetProperty("payout").GetDecimal());
        Assert.Equal("Grey velvet corner sofa", body.GetProperty("title").GetString());
        Assert.Equal("DFS", body.GetProperty("brand").GetString());

        var cleared = await (await client.PatchJsonAsync($"/v1/listings/{id}", """{ "description": null, "colour": "Cream" }""")).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cleared.GetProperty("description").ValueKind);
        Assert.Equal("Cream", cleared.GetProperty("colour").GetString());
        Assert.Equal(549m, cleared.GetProperty("price").GetDecimal());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("")]
    public async Task Patch_with_no_fields_is_no_fields(string body)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var id = await Infrastructure.Listings.CreateAsync(client);

        var response = await client.PatchJsonAsync($"/v1/listings/{id}", body);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "no_fields");
    }

    [Fact]
    public async Task Patch_with_invalid_fields_changes_nothing()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var id = await Infrastructure.Listings.CreateAsync(client);

        var response = await client.PatchJsonAsync($"/v1/listings/{id}", """{ "title": "New title", "price_gbp": -5 }""");

        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["price_gbp_invalid"], body.ErrorCodes());
        var after = await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync();
        Assert.Equal("Grey velvet corner sofa", after.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Delete_is_soft_and_removes_the_listing_from_every_read()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var id = await Infrastructure.Listings.CreateAsync(client);

        var response = await client.DeleteAsync($"/v1/listings/{id}");

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("deleted").GetBoolean());
        Assert.Equal(id, body.GetProperty("id").GetInt64());
        await (await client.GetAsync($"/v1/listings/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        var list = await (await client.GetAsync("/v1/listings?status=any")).JsonAsync();
        Assert.Equal(0, list.GetProperty("meta").GetProperty("total").GetInt32());
        await (await client.DeleteAsync($"/v1/listings/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await client.PatchJsonAsync($"/v1/listings/{id}", """{"title":"x"}""")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        // The row stays for order history.
        Assert.Equal(1, await brand.CountListingsAsync(Api.Planes));
    }

    [Theory]
    [InlineData("/v1/listings/999999999")]
    [InlineData("/v1/listings/abc")]
    [InlineData("/v1/listings/-1")]
    public async Task Unknown_ids_are_listing_not_found(string url)
    {
        var brand = await NewBrandAsync();
        await (await Api.ClientWith(brand.AdminKey).GetAsync(url)).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
    }

    [Fact]
    public async Task Trade_ins_are_readable_but_not_modifiable_by_the_brand()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var id = await brand.AddTradeInAsync(Api.Planes);

        var detail = await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync();
        Assert.Equal("seller", detail.GetProperty("owner").GetString());
        Assert.Equal(brand.SellerId, detail.GetProperty("seller").GetProperty("id").GetInt64());
        Assert.Equal("Sam Patel", detail.GetProperty("seller").GetProperty("display_name").GetString());

        var patch = await client.PatchJsonAsync($"/v1/listings/{id}", """{"price_gbp": 1}""");
        var patchBody = await patch.AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden_not_owner");
        Assert.Equal("You can only modify listings you created.", patchBody.GetProperty("message").GetString());
        var delete = await client.DeleteAsync($"/v1/listings/{id}");
        var deleteBody = await delete.AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden_not_owner");
        Assert.Equal("You can only delete listings you created.", deleteBody.GetProperty("message").GetString());

        var after = await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync();
        Assert.Equal(350m, after.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Options_returns_the_default_taxonomy()
    {
        var brand = await NewBrandAsync();
        var body = await (await Api.ClientWith(brand.ReadOnlyKey).GetAsync("/v1/listings/options")).JsonAsync();

        Assert.Contains("DFS", body.GetProperty("brands").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(8, body.GetProperty("categories").GetArrayLength());
        Assert.Equal(9, body.GetProperty("item_types").GetArrayLength());
        Assert.Equal("Bouclé", body.GetProperty("fabrics")[6].GetString());
        Assert.Equal("15+ years old", body.GetProperty("ages")[4].GetString());
        var likeNew = body.GetProperty("conditions")[0];
        Assert.Equal("like-new", likeNew.GetProperty("value").GetString());
        Assert.Equal("Like new", likeNew.GetProperty("label").GetString());
        Assert.Equal("Near-perfect condition with virtually no signs of use.", likeNew.GetProperty("help").GetString());
        Assert.Equal("None of the above", body.GetProperty("exposures")[3].GetProperty("label").GetString());
        Assert.Equal("Has fire safety label", body.GetProperty("faults")[1].GetProperty("label").GetString());
    }
}
