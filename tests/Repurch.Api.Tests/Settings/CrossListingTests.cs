using System.Net;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Marketplace;
using Defaults = Repurch.Api.Features.Listings.Taxonomy;

namespace Repurch.Api.Tests.Settings;

public sealed class CrossListingTests : ApiTest
{
    private const string Url = "/v1/partner/settings/cross-listing";

    private static Dictionary<string, bool> Rules(JsonElement body) =>
        body.GetProperty("categories").EnumerateArray()
            .ToDictionary(c => c.GetProperty("category").GetString()!, c => c.GetProperty("marketplace").GetBoolean());

    [Fact]
    public async Task Every_category_is_cross_listed_by_default()
    {
        var brand = await NewBrandAsync();

        var response = await Api.ClientWith(brand.ReadOnlyKey).GetAsync(Url);

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(brand.Id, body.GetProperty("brand_id").GetString());
        Assert.True(body.GetProperty("default").GetBoolean());
        Assert.Equal(Defaults.Defaults.Categories, body.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()));
        Assert.All(Rules(body).Values, Assert.True);
    }

    [Fact]
    public async Task Patch_sets_the_named_categories_and_is_audited()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);

        var response = await client.PatchJsonAsync(Url, """{"categories": {"Armchairs": false, "Sofa Beds": true}}""");

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rules = Rules(body);
        Assert.False(rules["Armchairs"]);
        Assert.True(rules["Sofa Beds"]);
        Assert.Equal(7, rules.Values.Count(v => v));
        Assert.Equal(body.ToString(), (await (await client.GetAsync(Url)).JsonAsync()).ToString());

        var audit = await (await client.GetAsync("/v1/partner/audit-log")).JsonAsync();
        var entry = Assert.Single(audit.GetProperty("data").EnumerateArray(), e => e.GetProperty("action").GetString() == "settings.cross_listing.updated");
        var changes = entry.GetProperty("changes").GetProperty("categories");
        Assert.Equal("""[{"category":"Armchairs","marketplace":true}]""", changes.GetProperty("from").GetRawText());
        Assert.Equal("""[{"category":"Armchairs","marketplace":false}]""", changes.GetProperty("to").GetRawText());

        var back = Rules(await (await client.PatchJsonAsync(Url, """{"categories": {"Armchairs": true}}""")).JsonAsync());
        Assert.All(back.Values, Assert.True);
    }

    [Theory]
    [InlineData("""{"categories": {"Bean Bags": false}}""", "category_invalid")]
    [InlineData("""{"categories": {"armchairs": false}}""", "category_invalid")]
    [InlineData("""{"categories": {"Armchairs": "no"}}""", "categories_invalid")]
    [InlineData("""{"categories": {"Armchairs": null}}""", "categories_invalid")]
    [InlineData("""{"categories": ["Armchairs"]}""", "categories_invalid")]
    [InlineData("""{"categories": null}""", "categories_invalid")]
    [InlineData("""{"default": false}""", "default_unknown")]
    [InlineData("""{"categories": {"Armchairs": false, "Armchairs": true}}""", "category_duplicate")]
    [InlineData("""{"categories": {"Armchairs": false}, "categories": {"Armchairs": true}}""", "categories_duplicate")]
    public async Task Invalid_rules_are_rejected(string json, string code)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);

        var body = await (await client.PatchJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([code], body.ErrorCodes());
        Assert.All(Rules(await (await client.GetAsync(Url)).JsonAsync()).Values, Assert.True);
    }

    [Fact]
    public async Task One_invalid_category_saves_nothing()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);

        var body = await (await client.PatchJsonAsync(Url, """{"categories": {"Armchairs": false, "Bean Bags": false, "Footstools": 0}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["category_invalid", "categories_invalid"], body.ErrorCodes());
        Assert.True(Rules(await (await client.GetAsync(Url)).JsonAsync())["Armchairs"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"categories": {}}""")]
    public async Task An_empty_change_is_no_fields(string json)
    {
        var brand = await NewBrandAsync();
        await (await Api.ClientWith(brand.AdminKey).PatchJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "no_fields");
    }

    [Fact]
    public async Task Rules_follow_the_brands_taxonomy()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        await client.PatchJsonAsync("/v1/partner/settings/taxonomy", """{"categories": {"add": ["Day Beds"], "remove": ["Footstools"]}}""");

        var rules = Rules(await (await client.GetAsync(Url)).JsonAsync());
        Assert.True(rules["Day Beds"]);
        Assert.False(rules.ContainsKey("Footstools"));

        var patched = Rules(await (await client.PatchJsonAsync(Url, """{"categories": {"Day Beds": false}}""")).JsonAsync());
        Assert.False(patched["Day Beds"]);
        var removed = await (await client.PatchJsonAsync(Url, """{"categories": {"Footstools": false}}""")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["category_invalid"], removed.ErrorCodes());
    }

    [Fact]
    public async Task Reading_needs_read_and_changing_needs_write()
    {
        var brand = await NewBrandAsync();

        await (await Api.ClientWith(brand.MemberKey).GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.ReadOnlyKey).PatchJsonAsync(Url, """{"categories": {"Armchairs": false}}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        await (await marketplace.GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Turning_a_category_off_hides_only_that_brands_listings_of_it_from_the_marketplace()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var otherClient = Api.ClientWith(other.AdminKey);
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var armchair = await Infrastructure.Listings.CreateAsync(client, MarketplaceClient.CreateBody("Armchairs"));
        var sofaBed = await Infrastructure.Listings.CreateAsync(client, MarketplaceClient.CreateBody("Sofa Beds"));
        var otherArmchair = await Infrastructure.Listings.CreateAsync(otherClient, MarketplaceClient.CreateBody("Armchairs"));
        Assert.Equal([sofaBed, armchair], await MarketplaceClient.IdsAsync(marketplace, brand.Id));

        await client.PatchJsonAsync(Url, """{"categories": {"Armchairs": false}}""");

        Assert.Equal([sofaBed], await MarketplaceClient.IdsAsync(marketplace, brand.Id));
        Assert.Empty(await MarketplaceClient.IdsAsync(marketplace, brand.Id, "Armchairs"));
        Assert.Equal([otherArmchair], await MarketplaceClient.IdsAsync(marketplace, other.Id, "Armchairs"));
        await (await marketplace.GetAsync($"/v1/marketplace/listings/{armchair}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        Assert.Equal(HttpStatusCode.OK, (await marketplace.GetAsync($"/v1/marketplace/listings/{otherArmchair}")).StatusCode);
        // The partner still sees its own listing.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/listings/{armchair}")).StatusCode);

        await client.PatchJsonAsync(Url, """{"categories": {"Armchairs": true}}""");

        Assert.Equal([sofaBed, armchair], await MarketplaceClient.IdsAsync(marketplace, brand.Id));
    }
}
