using System.Net;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Bulk;

public sealed class BulkDeleteTests : ApiTest
{
    [Fact]
    public async Task Deletes_each_id_on_its_own_with_per_id_results()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        using var otherClient = Api.ClientWith(other.AdminKey);
        var a = await Infrastructure.Listings.CreateAsync(client);
        var b = await Infrastructure.Listings.CreateAsync(client);
        var tradeIn = await brand.AddTradeInAsync(Api.Planes);
        var foreign = await Infrastructure.Listings.CreateAsync(otherClient);

        var body = await (await client.PostJsonAsync("/v1/listings/bulk-delete", $$"""{"ids":[{{a}},{{b}},{{tradeIn}},{{foreign}},999999999,{{a}}]}""")).OkAsync();
        Assert.Equal(2, body.GetProperty("success_count").GetInt32());
        Assert.Equal(3, body.GetProperty("error_count").GetInt32());
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([a, b, tradeIn, foreign, 999999999L], results.Select(r => r.GetProperty("id").GetInt64()));
        Assert.True(results[0].GetProperty("ok").GetBoolean());
        Assert.False(results[0].TryGetProperty("errors", out _));
        Assert.Equal("forbidden_not_owner", results[2].GetProperty("errors")[0].GetString());
        // Another brand's listing reads as not found, never as someone else's.
        Assert.Equal("listing_not_found", results[3].GetProperty("errors")[0].GetString());
        Assert.Equal("listing_not_found", results[4].GetProperty("errors")[0].GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/listings/{a}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/listings/{tradeIn}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync($"/v1/listings/{foreign}")).StatusCode);

        // Deleting again: already deleted is not found.
        var again = await (await client.PostJsonAsync("/v1/listings/bulk-delete", $$"""{"ids":[{{a}}]}""")).OkAsync();
        Assert.Equal("listing_not_found", again.GetProperty("results")[0].GetProperty("errors")[0].GetString());
    }

    [Theory]
    [InlineData("{}", "no_ids")]
    [InlineData("""{"ids":[]}""", "no_ids")]
    [InlineData("""{"ids":null}""", "no_ids")]
    [InlineData("""{"ids":"1,2"}""", "no_ids")]
    [InlineData("""{"ids":["1"]}""", "no_ids")]
    [InlineData("""{"ids":[1.5]}""", "no_ids")]
    [InlineData("", "no_ids")]
    public async Task Missing_or_malformed_ids_are_no_ids(string json, string code)
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        await (await client.PostJsonAsync("/v1/listings/bulk-delete", json)).AssertErrorAsync(HttpStatusCode.BadRequest, code);
    }

    [Theory]
    [InlineData("""{"ids":[1],"ids":[2]}""", "ids_duplicate")]
    [InlineData("""{"ids":[1],"force":true}""", "force_unknown")]
    public async Task A_repeated_or_unknown_field_is_validation_failed(string json, string code)
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var body = await (await client.PostJsonAsync("/v1/listings/bulk-delete", json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([code], body.ErrorCodes());
    }

    [Fact]
    public async Task More_than_100_ids_is_too_many_and_deletes_nothing()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var id = await Infrastructure.Listings.CreateAsync(client);
        var ids = string.Join(",", Enumerable.Repeat(id, 101));
        await (await client.PostJsonAsync("/v1/listings/bulk-delete", $$"""{"ids":[{{ids}}]}""")).AssertErrorAsync(HttpStatusCode.BadRequest, "too_many");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/listings/{id}")).StatusCode);
        await (await client.PostJsonAsync("/v1/listings/bulk-delete", "{bad")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await client.PostJsonAsync("/v1/listings/bulk-delete", $$"""{"ids":[{{id}}],"force":true}""")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        using var readOnly = Api.ClientWith(brand.ReadOnlyKey);
        await (await readOnly.PostJsonAsync("/v1/listings/bulk-delete", $$"""{"ids":[{{id}}]}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        using var sandbox = Api.ClientWith(brand.SandboxAdminKey);
        var cross = await (await sandbox.PostJsonAsync("/v1/listings/bulk-delete", $$"""{"ids":[{{id}}]}""")).OkAsync();
        Assert.Equal("listing_not_found", cross.GetProperty("results")[0].GetProperty("errors")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/listings/{id}")).StatusCode);
    }
}
