using System.Net;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Marketplace;

/// <summary>
/// GET /v1/marketplace/listings with q, filters, sort and facets. The marketplace sees every brand in the
/// shared test database, so each test searches within its own brand (brand_id).
/// </summary>
public sealed class MarketplaceSearchTests : ApiTest
{
    private static string Body(string title, string category = "Corner Sofas", decimal price = 450, string condition = "excellent",
        string? colour = null, string? fabric = null, string? itemType = null, string? description = null, string channel = "clearance",
        decimal? sale = null, string status = "active")
    {
        var body = new Dictionary<string, object?>
        {
            ["title"] = title, ["price_gbp"] = price, ["condition"] = condition, ["category"] = category, ["channel"] = channel, ["status"] = status,
            ["colour"] = colour, ["fabric"] = fabric, ["item_type"] = itemType, ["description"] = description, ["sale_price_gbp"] = sale,
        };
        return JsonSerializer.Serialize(body.Where(p => p.Value is not null).ToDictionary());
    }

    private static async Task<long[]> SearchAsync(HttpClient marketplace, string brandId, string query)
    {
        var response = await marketplace.GetAsync($"/v1/marketplace/listings?per_page=100&brand_id={brandId}&{query}");
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToArray();
    }

    private static string Pairs(JsonElement facet) =>
        string.Join(", ", facet.EnumerateArray().Select(f => $"{f.GetProperty("value").GetString()}={f.GetProperty("count").GetInt32()}"));

    [Fact]
    public async Task Finds_listings_by_every_word_with_stems_prefixes_and_typos()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var chesterfield = await Infrastructure.Listings.CreateAsync(client, Body("Brown leather Chesterfield sofa", colour: "Brown", fabric: "Leather"));
        var corner = await Infrastructure.Listings.CreateAsync(client, Body("Grey velvet corner sofa", description: "Deep seats with feather-filled cushions."));
        var stool = await Infrastructure.Listings.CreateAsync(client, Body("Oak footstool", category: "Footstools"));

        Assert.Equal([chesterfield], await SearchAsync(marketplace, brand.Id, "q=chesterfield"));
        Assert.Equal([chesterfield], await SearchAsync(marketplace, brand.Id, "q=chesterfeild"));
        Assert.Equal([corner, chesterfield], await SearchAsync(marketplace, brand.Id, "q=sofas&sort=newest"));
        Assert.Equal([corner], await SearchAsync(marketplace, brand.Id, "q=velv"));
        Assert.Equal([corner], await SearchAsync(marketplace, brand.Id, "q=grey%20sofa"));
        Assert.Equal([corner], await SearchAsync(marketplace, brand.Id, "q=feather"));
        // Typos only count when nothing matches as typed: "leathr" is close to "leather".
        Assert.Equal([chesterfield], await SearchAsync(marketplace, brand.Id, "q=brown%20leathr"));
        Assert.Equal([stool], await SearchAsync(marketplace, brand.Id, "q=footstools"));
        // The category is part of the document: "Footstools" is the stool's category as well as its title.
        Assert.Equal([stool], await SearchAsync(marketplace, brand.Id, "q=OAK%20the%20FOOTSTOOL"));
        Assert.Empty(await SearchAsync(marketplace, brand.Id, "q=wardrobe"));
        Assert.Empty(await SearchAsync(marketplace, brand.Id, "q=%21%21%21"));
        Assert.Equal([stool, corner, chesterfield], await SearchAsync(marketplace, brand.Id, "q=%20%20"));
    }

    [Fact]
    public async Task Ranks_a_title_match_above_a_description_match()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var inTitle = await Infrastructure.Listings.CreateAsync(client, Body("Velvet armchair", category: "Armchairs"));
        var inDescription = await Infrastructure.Listings.CreateAsync(client, Body("Cosy armchair", category: "Armchairs", description: "Covered in a soft velvet."));

        Assert.Equal([inTitle, inDescription], await SearchAsync(marketplace, brand.Id, "q=velvet"));
        // Newest first when asked, whatever the rank.
        Assert.Equal([inDescription, inTitle], await SearchAsync(marketplace, brand.Id, "q=velvet&sort=newest"));
    }

    [Fact]
    public async Task Filters_by_channel_condition_colour_fabric_item_type_and_price_and_sorts_by_price()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var cheap = await Infrastructure.Listings.CreateAsync(client, Body("Linen sofa", price: 200, condition: "fair", colour: "Cream", fabric: "Linen", itemType: "2-Seater"));
        var onSale = await Infrastructure.Listings.CreateAsync(client, Body("Velvet sofa", price: 900, sale: 300, colour: "Grey", fabric: "Velvet", itemType: "3-Seater", channel: "exchange"));
        var dear = await Infrastructure.Listings.CreateAsync(client, Body("Leather sofa", price: 1299.99m, colour: "Brown", fabric: "Leather", itemType: "3-Seater"));

        Assert.Equal([onSale], await SearchAsync(marketplace, brand.Id, "channel=exchange"));
        Assert.Equal([dear, cheap], await SearchAsync(marketplace, brand.Id, "channel=clearance"));
        Assert.Equal([cheap], await SearchAsync(marketplace, brand.Id, "condition=fair"));
        Assert.Equal([dear], await SearchAsync(marketplace, brand.Id, "colour=Brown"));
        Assert.Equal([onSale], await SearchAsync(marketplace, brand.Id, "fabric=Velvet"));
        Assert.Equal([dear, onSale], await SearchAsync(marketplace, brand.Id, "item_type=3-Seater"));
        // The price a buyer pays: the sale price when set.
        Assert.Equal([onSale], await SearchAsync(marketplace, brand.Id, "min_price=250&max_price=899.99"));
        Assert.Equal([dear], await SearchAsync(marketplace, brand.Id, "min_price=1299.99"));
        Assert.Equal([cheap, onSale, dear], await SearchAsync(marketplace, brand.Id, "sort=price_asc"));
        Assert.Equal([dear, onSale, cheap], await SearchAsync(marketplace, brand.Id, "sort=price_desc"));
        Assert.Equal([onSale, dear], await SearchAsync(marketplace, brand.Id, "q=sofa&item_type=3-Seater&sort=price_asc"));
        Assert.Empty(await SearchAsync(marketplace, brand.Id, "colour=Brown&fabric=Velvet"));
    }

    [Fact]
    public async Task Facets_count_the_matching_listings_values_most_first()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        await Infrastructure.Listings.CreateAsync(client, Body("Grey sofa one", colour: "Grey", fabric: "Velvet"));
        await Infrastructure.Listings.CreateAsync(client, Body("Grey sofa two", colour: "Grey", channel: "exchange"));
        await Infrastructure.Listings.CreateAsync(client, Body("Brown armchair", category: "Armchairs", colour: "Brown", condition: "fair"));

        var all = await (await marketplace.GetAsync($"/v1/marketplace/listings?brand_id={brand.Id}&facets=true")).JsonAsync();
        var facets = all.GetProperty("facets");
        Assert.Equal(["category", "channel", "condition", "colour", "fabric", "item_type"], facets.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Corner Sofas=2, Armchairs=1", Pairs(facets.GetProperty("category")));
        Assert.Equal("clearance=2, exchange=1", Pairs(facets.GetProperty("channel")));
        Assert.Equal("Grey=2, Brown=1", Pairs(facets.GetProperty("colour")));
        Assert.Equal("Velvet=1", Pairs(facets.GetProperty("fabric")));
        Assert.Equal(0, facets.GetProperty("item_type").GetArrayLength());

        // Counted over what matches: the text and the other filters applied.
        var grey = await (await marketplace.GetAsync($"/v1/marketplace/listings?brand_id={brand.Id}&facets=true&q=grey&channel=clearance")).JsonAsync();
        Assert.Equal("Corner Sofas=1", Pairs(grey.GetProperty("facets").GetProperty("category")));
        Assert.Equal(1, grey.GetProperty("meta").GetProperty("total").GetInt32());

        var without = await (await marketplace.GetAsync($"/v1/marketplace/listings?brand_id={brand.Id}")).JsonAsync();
        Assert.Equal(JsonValueKind.Null, without.GetProperty("facets").ValueKind);
    }

    [Fact]
    public async Task Search_never_finds_drafts_deleted_or_other_planes_listings()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var live = await Infrastructure.Listings.CreateAsync(client, Body("Zanzibar striped sofa"));
        await Infrastructure.Listings.CreateAsync(client, Body("Zanzibar striped sofa draft", status: "draft"));
        // The sandbox plane is another database: its listings never reach a live marketplace key.
        var deleted = await Infrastructure.Listings.CreateAsync(client, Body("Zanzibar striped sofa gone"));
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/v1/listings/{deleted}")).StatusCode);
        await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.SandboxAdminKey), Body("Zanzibar striped sofa sandbox"));

        Assert.Equal([live], await SearchAsync(marketplace, brand.Id, "q=zanzibar&facets=true"));
        // Across every brand too, not only within this one.
        var everywhere = await (await marketplace.GetAsync("/v1/marketplace/listings?per_page=100&q=zanzibar%20striped")).JsonAsync();
        Assert.Equal([live], everywhere.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("q=%01sofa", "q", "q_invalid")]
    [InlineData("channel=outlet", "channel", "channel_invalid")]
    [InlineData("condition=", "condition", "condition_invalid")]
    [InlineData("colour=Gr%0Aey", "colour", "colour_invalid")]
    [InlineData("fabric=", "fabric", "fabric_invalid")]
    [InlineData("item_type=", "item_type", "item_type_invalid")]
    [InlineData("min_price=abc", "min_price", "min_price_invalid")]
    [InlineData("min_price=-1", "min_price", "min_price_invalid")]
    [InlineData("max_price=1.234", "max_price", "max_price_invalid")]
    [InlineData("max_price=1e3", "max_price", "max_price_invalid")]
    [InlineData("max_price=99999999", "max_price", "max_price_invalid")]
    [InlineData("min_price=500&max_price=100", "min_price", "price_range_invalid")]
    [InlineData("sort=cheapest", "sort", "sort_invalid")]
    [InlineData("facets=yes", "facets", "facets_invalid")]
    public async Task Rejects_bad_search_parameters_naming_the_parameter(string query, string param, string code)
    {
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var body = await (await marketplace.GetAsync($"/v1/marketplace/listings?{query}")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal(param, body.GetProperty("data").GetProperty("param").GetString());
        Assert.Equal([code], body.ErrorCodes());
    }

    [Fact]
    public async Task Rejects_search_text_over_200_characters_and_takes_200()
    {
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var body = await (await marketplace.GetAsync($"/v1/marketplace/listings?q={new string('a', 201)}")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal("q", body.GetProperty("data").GetProperty("param").GetString());
        var words = string.Join("%20", Enumerable.Range(0, 40).Select(i => $"w{i}"));
        Assert.Equal(HttpStatusCode.OK, (await marketplace.GetAsync($"/v1/marketplace/listings?q={new string('a', 200)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await marketplace.GetAsync($"/v1/marketplace/listings?q={words}")).StatusCode);
    }

    [Fact]
    public async Task A_partner_key_cannot_search_the_marketplace()
    {
        var brand = await NewBrandAsync();
        await (await Api.ClientWith(brand.AdminKey).GetAsync("/v1/marketplace/listings?q=sofa")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
