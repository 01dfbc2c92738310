using System.Net;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Listings;

public sealed class ListingWarehouseTests : ApiTest
{
    private static async Task<string> CreateWarehouseAsync(HttpClient client, string label, bool isDefault = false)
    {
        var response = await client.PostJsonAsync("/v1/partner/settings/warehouses",
            $$"""{"label":"{{label}}","address_1":"12 Industrial Way","city":"Long Eaton","postcode":"NG10 2QQ","is_default":{{(isDefault ? "true" : "false")}}}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("warehouse").GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_new_listing_without_a_warehouse_is_placed_in_the_default_one()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var first = await CreateWarehouseAsync(client, "Long Eaton DC");
        await CreateWarehouseAsync(client, "Burton overflow");

        var created = await (await client.PostJsonAsync("/v1/listings", Infrastructure.Listings.ValidCreate)).JsonAsync();

        Assert.Equal(first, created.GetProperty("warehouse").GetProperty("id").GetString());
        Assert.Equal("Long Eaton DC", created.GetProperty("warehouse").GetProperty("label").GetString());
        var read = await (await client.GetAsync($"/v1/listings/{created.GetProperty("id").GetInt64()}")).JsonAsync();
        Assert.Equal(first, read.GetProperty("warehouse").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_explicit_warehouse_wins_and_can_be_changed_or_cleared()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        await CreateWarehouseAsync(client, "Long Eaton DC");
        var overflow = await CreateWarehouseAsync(client, "Burton overflow");

        var created = await (await client.PostJsonAsync("/v1/listings",
            Infrastructure.Listings.ValidCreate.Replace("\"sku\":", $"\"warehouse_id\": \"{overflow}\", \"sku\":"))).JsonAsync();
        Assert.Equal("Burton overflow", created.GetProperty("warehouse").GetProperty("label").GetString());
        var id = created.GetProperty("id").GetInt64();

        var cleared = await (await client.PatchJsonAsync($"/v1/listings/{id}", """{"warehouse_id": null}""")).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cleared.GetProperty("warehouse").ValueKind);
    }

    [Fact]
    public async Task Without_any_warehouse_the_listing_has_none()
    {
        var brand = await NewBrandAsync();
        var created = await (await Api.ClientWith(brand.AdminKey).PostJsonAsync("/v1/listings", Infrastructure.Listings.ValidCreate)).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created.GetProperty("warehouse").ValueKind);
    }

    [Theory]
    [InlineData("\"not-a-uuid\"")]
    [InlineData("42")]
    [InlineData("\"00000000-0000-0000-0000-000000000001\"")]
    public async Task An_unknown_warehouse_is_warehouse_id_invalid(string value)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);

        var response = await client.PostJsonAsync("/v1/listings", Infrastructure.Listings.ValidCreate.Replace("\"sku\":", $"\"warehouse_id\": {value}, \"sku\":"));

        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["warehouse_id_invalid"], body.ErrorCodes());
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task Another_brands_warehouse_is_warehouse_id_invalid()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var aWarehouse = await CreateWarehouseAsync(Api.ClientWith(a.AdminKey), "A's DC");

        var response = await Api.ClientWith(b.AdminKey).PostJsonAsync("/v1/listings",
            Infrastructure.Listings.ValidCreate.Replace("\"sku\":", $"\"warehouse_id\": \"{aWarehouse}\", \"sku\":"));

        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["warehouse_id_invalid"], body.ErrorCodes());
        Assert.Equal(0, await b.CountListingsAsync(Api.Planes));
    }
}
