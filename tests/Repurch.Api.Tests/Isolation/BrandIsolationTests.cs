using System.Net;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Isolation;

/// <summary>
/// One brand's credentials never reach another brand's listings: by id they are 404
/// <c>listing_not_found</c> (never 403, so ids do not leak), lists never include them, and a
/// rejected write leaves them exactly as they were.
/// </summary>
public sealed class BrandIsolationTests : ApiTest
{
    public enum Credential { ApiKey, AccessToken }

    [Theory]
    [InlineData(Credential.ApiKey)]
    [InlineData(Credential.AccessToken)]
    public async Task Another_brands_listing_is_not_found_by_id_and_stays_unchanged(Credential credential)
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var aClient = Api.ClientWith(a.AdminKey);
        var aId = await Infrastructure.Listings.CreateAsync(aClient);
        var before = await DetailAsync(aClient, aId);
        var bClient = Api.ClientWith(await BearerAsync(b, credential));

        await (await bClient.GetAsync($"/v1/listings/{aId}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await bClient.PatchJsonAsync($"/v1/listings/{aId}", """{"title":"Taken over","price_gbp":1,"status":"draft"}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await bClient.DeleteAsync($"/v1/listings/{aId}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");

        Assert.Equal(before, await DetailAsync(aClient, aId));
        Assert.Equal(1, await a.CountListingsAsync(Api.Planes));
        Assert.Equal(0, await b.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task Another_brands_listing_answers_exactly_like_a_listing_that_never_existed()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var aId = await Infrastructure.Listings.CreateAsync(Api.ClientWith(a.AdminKey));
        var bClient = Api.ClientWith(b.AdminKey);

        foreach (var method in new[] { "GET", "PATCH", "DELETE" })
        {
            var theirs = await SendAsync(bClient, method, aId);
            var nobodys = await SendAsync(bClient, method, long.MaxValue);
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
            Assert.Equal(nobodys.StatusCode, theirs.StatusCode);
            Assert.Equal(await nobodys.Content.ReadAsStringAsync(), await theirs.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Another_brands_trade_in_is_not_found_rather_than_not_owner()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var tradeIn = await a.AddTradeInAsync(Api.Planes);
        var aClient = Api.ClientWith(a.AdminKey);
        var before = await DetailAsync(aClient, tradeIn);
        var bClient = Api.ClientWith(b.AdminKey);

        await (await bClient.GetAsync($"/v1/listings/{tradeIn}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await bClient.PatchJsonAsync($"/v1/listings/{tradeIn}", """{"price_gbp":1}""")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await bClient.DeleteAsync($"/v1/listings/{tradeIn}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");

        Assert.Equal(before, await DetailAsync(aClient, tradeIn));
    }

    [Theory]
    [InlineData(Credential.ApiKey)]
    [InlineData(Credential.AccessToken)]
    public async Task A_brands_list_never_contains_another_brands_listings(Credential credential)
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var aClient = Api.ClientWith(a.AdminKey);
        var aIds = new HashSet<long>
        {
            await Infrastructure.Listings.CreateAsync(aClient),
            await Infrastructure.Listings.CreateAsync(aClient, Infrastructure.Listings.ValidCreate.Replace("clearance", "exchange")),
            await Infrastructure.Listings.CreateAsync(aClient, Infrastructure.Listings.ValidCreate.Replace("\"channel\": \"clearance\",", "\"channel\": \"clearance\", \"status\": \"draft\",")),
            await a.AddTradeInAsync(Api.Planes),
        };
        var bId = await Infrastructure.Listings.CreateAsync(Api.ClientWith(b.AdminKey));
        var bClient = Api.ClientWith(await BearerAsync(b, credential));

        foreach (var query in new[] { "", "?status=any&per_page=100", "?status=draft", "?channel=exchange&status=any", "?brand_id=" + a.Id })
        {
            var response = await bClient.GetAsync("/v1/listings" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.JsonAsync();
            var ids = body.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToList();
            Assert.DoesNotContain(ids, aIds.Contains);
            Assert.All(body.GetProperty("data").EnumerateArray(), d => Assert.Equal(b.Id, d.GetProperty("brand_id").GetString()));
            Assert.Equal(b.Id, body.GetProperty("meta").GetProperty("brand_id").GetString());
            Assert.Equal(ids.Count, body.GetProperty("meta").GetProperty("total").GetInt32());
        }
        var all = await (await bClient.GetAsync("/v1/listings?status=any")).JsonAsync();
        Assert.Equal([bId], all.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        // A still sees its own four.
        var aAll = await (await aClient.GetAsync("/v1/listings?status=any")).JsonAsync();
        Assert.Equal(aIds.Order(), aAll.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).Order());
    }

    [Fact]
    public async Task A_brand_id_in_the_body_cannot_create_a_listing_for_another_brand()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var json = Infrastructure.Listings.ValidCreate.Replace("\"title\"", $"\"brand_id\": \"{a.Id}\", \"title\"");

        var response = await Api.ClientWith(b.AdminKey).PostJsonAsync("/v1/listings", json);

        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["brand_id_unknown"], body.ErrorCodes());
        Assert.Equal(0, await a.CountListingsAsync(Api.Planes));
        Assert.Equal(0, await b.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task A_brand_id_in_the_body_of_an_update_cannot_move_a_listing_to_another_brand()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var bClient = Api.ClientWith(b.AdminKey);
        var bId = await Infrastructure.Listings.CreateAsync(bClient);
        var before = await DetailAsync(bClient, bId);

        var response = await bClient.PatchJsonAsync($"/v1/listings/{bId}", $$"""{"brand_id":"{{a.Id}}"}""");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(before, await DetailAsync(bClient, bId));
        Assert.Equal(0, await a.CountListingsAsync(Api.Planes));
    }

    private static async Task<string> DetailAsync(HttpClient client, long id)
    {
        var response = await client.GetAsync($"/v1/listings/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> BearerAsync(TestBrand brand, Credential credential)
    {
        if (credential == Credential.ApiKey) return brand.AdminKey;
        var response = await Api.ClientWith(brand.AdminKey).PostAsync("/v1/auth/token", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("access_token").GetString()!;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, long id) => method switch
    {
        "GET" => client.GetAsync($"/v1/listings/{id}"),
        "PATCH" => client.PatchJsonAsync($"/v1/listings/{id}", """{"title":"Taken over"}"""),
        "DELETE" => client.DeleteAsync($"/v1/listings/{id}"),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
