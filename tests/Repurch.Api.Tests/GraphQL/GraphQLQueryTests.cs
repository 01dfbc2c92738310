using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.GraphQL;

/// <summary>POST /graphql over HTTP: every query's happy path, compared with its REST twin, and another brand's view.</summary>
public sealed class GraphQLQueryTests : ApiTest
{
    [Fact]
    public async Task Listings_filter_and_page_with_cursors_like_rest()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add(await Infrastructure.Listings.CreateAsync(partner));
        var draft = await Infrastructure.Listings.CreateAsync(partner, Infrastructure.Listings.ValidCreate.Replace("\"sku\"", "\"status\": \"draft\", \"sku\"", StringComparison.Ordinal));
        var tradeIn = await brand.AddTradeInAsync(Api.Planes);
        var client = Api.ClientWith(brand.ReadOnlyKey);

        const string page = """
            query($after: String) { listings(first: 2, after: $after, channel: "clearance") {
              totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title price payout status channel category } } } }
            """;
        var first = (await Gql.DataAsync(client, page)).GetProperty("listings");
        Assert.Equal(3, first.GetProperty("totalCount").GetInt32());
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal([ids[2], ids[1]], first.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetInt64()));
        var second = (await Gql.DataAsync(client, page, new { after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).GetProperty("listings");
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var last = Assert.Single(second.GetProperty("edges").EnumerateArray()).GetProperty("node");
        Assert.Equal(ids[0], last.GetProperty("id").GetInt64());

        // The same numbers as REST's list.
        var rest = (await (await client.GetAsync($"/v1/listings?channel=clearance&per_page=100")).JsonAsync()).GetProperty("data")
            .EnumerateArray().Single(l => l.GetProperty("id").GetInt64() == ids[0]);
        Assert.Equal(rest.GetProperty("price").GetDecimal(), last.GetProperty("price").GetDecimal());
        Assert.Equal(rest.GetProperty("payout").GetDecimal(), last.GetProperty("payout").GetDecimal());

        var filters = await Gql.DataAsync(client, """
            { drafts: listings(status: "draft") { edges { node { id } } }
              exchange: listings(channel: "exchange") { edges { node { id } } }
              any: listings(status: "any") { totalCount }
              none: listings(category: "Armchairs") { totalCount } }
            """);
        Assert.Equal(draft, Assert.Single(filters.GetProperty("drafts").GetProperty("edges").EnumerateArray()).GetProperty("node").GetProperty("id").GetInt64());
        Assert.Equal(tradeIn, Assert.Single(filters.GetProperty("exchange").GetProperty("edges").EnumerateArray()).GetProperty("node").GetProperty("id").GetInt64());
        Assert.Equal(5, filters.GetProperty("any").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, filters.GetProperty("none").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_listing_with_its_photos_matches_rest_detail()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var id = await Infrastructure.Listings.CreateAsync(partner, Infrastructure.Listings.ValidCreate.Replace("\"sku\"",
            "\"images\": [\"https://cdn.example.com/a.jpg\", \"https://cdn.example.com/b.jpg\"], \"sku\"", StringComparison.Ordinal));
        var listing = (await Gql.DataAsync(partner, "query($id: Long!) { listing(id: $id) { id title images imageUrl seller { displayName } measurements { dimension valueCm } faults } }", new { id }))
            .GetProperty("listing");
        var rest = await (await partner.GetAsync($"/v1/listings/{id}")).JsonAsync();
        Assert.Equal(rest.GetProperty("images").EnumerateArray().Select(i => i.GetString()), listing.GetProperty("images").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("https://cdn.example.com/a.jpg", listing.GetProperty("imageUrl").GetString());
        Assert.Equal(rest.GetProperty("seller").GetProperty("display_name").GetString(), listing.GetProperty("seller").GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, (await Gql.DataAsync(partner, "{ listing(id: 999999999) { id } }")).GetProperty("listing").ValueKind);
    }

    [Fact]
    public async Task Orders_payouts_credit_codes_webhooks_and_usage_read_the_brands_rows()
    {
        var brand = await NewBrandAsync();
        var filled = await Gql.FillAsync(Api, brand);
        var client = Api.ClientWith(brand.ReadOnlyKey);
        var data = await Gql.DataAsync(client, """
            query($endpoint: String) {
              orders { totalCount edges { node { id status listingId amountGbp payoutGbp buyer { email } } } }
              paid: orders(status: "paid") { totalCount }
              payouts { totalCount edges { node { id orderId amountGbp status } } }
              creditCodes { totalCount edges { node { id status amountGbp codeHint } } }
              creditOutstandingGbp
              webhookEndpoints { id enabled disabledReason }
              webhookDeliveries(endpointId: $endpoint, status: "failed") { totalCount edges { node { eventType status attemptCount attempts { statusCode latencyMs } } } }
              usage { brandId environment totals { requests errors4xx } routes { route stats { requests } } hours { hour } }
            }
            """, new { endpoint = filled.EndpointId });

        var order = Assert.Single(data.GetProperty("orders").GetProperty("edges").EnumerateArray()).GetProperty("node");
        Assert.Equal("completed", order.GetProperty("status").GetString());
        Assert.Equal(filled.ListingId, order.GetProperty("listingId").GetInt64());
        Assert.Equal(0, data.GetProperty("paid").GetProperty("totalCount").GetInt32());

        var payouts = await (await client.GetAsync("/v1/payouts")).JsonAsync();
        var payout = Assert.Single(data.GetProperty("payouts").GetProperty("edges").EnumerateArray()).GetProperty("node");
        Assert.Equal(payouts.GetProperty("data")[0].GetProperty("id").GetString(), payout.GetProperty("id").GetString());
        Assert.Equal(payouts.GetProperty("data")[0].GetProperty("amount_gbp").GetDecimal(), payout.GetProperty("amountGbp").GetDecimal());
        Assert.Equal(order.GetProperty("id").GetString(), payout.GetProperty("orderId").GetString());

        var credits = await (await client.GetAsync("/v1/credits")).JsonAsync();
        var code = Assert.Single(data.GetProperty("creditCodes").GetProperty("edges").EnumerateArray()).GetProperty("node");
        Assert.Equal(credits.GetProperty("data")[0].GetProperty("code_hint").GetString(), code.GetProperty("codeHint").GetString());
        Assert.Equal("redeemed", code.GetProperty("status").GetString());
        Assert.Equal(credits.GetProperty("meta").GetProperty("outstanding_balance_gbp").GetDecimal(), data.GetProperty("creditOutstandingGbp").GetDecimal());

        Assert.Equal(filled.EndpointId, Assert.Single(data.GetProperty("webhookEndpoints").EnumerateArray()).GetProperty("id").GetString());
        var delivery = Assert.Single(data.GetProperty("webhookDeliveries").GetProperty("edges").EnumerateArray()).GetProperty("node");
        Assert.Equal("listing.created", delivery.GetProperty("eventType").GetString());
        Assert.Equal(500, Assert.Single(delivery.GetProperty("attempts").EnumerateArray()).GetProperty("statusCode").GetInt32());

        var usage = data.GetProperty("usage");
        Assert.Equal(brand.Id, usage.GetProperty("brandId").GetString());
        Assert.Equal(24, usage.GetProperty("hours").GetArrayLength());
        Assert.Contains(usage.GetProperty("routes").EnumerateArray(), r => r.GetProperty("route").GetString() == filled.UsageRoute && r.GetProperty("stats").GetProperty("requests").GetInt64() == 7);
    }

    [Fact]
    public async Task Brand_b_sees_none_of_brand_as_data_through_every_query()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var filled = await Gql.FillAsync(Api, a);
        var variables = new { listing = filled.ListingId, endpoint = filled.EndpointId };

        // A sees its rows through every field, so the same query seeing nothing for B means something.
        var mine = await Gql.DataAsync(Api.ClientWith(a.AdminKey), Gql.Everything, variables);
        Assert.Equal(2, mine.GetProperty("listings").GetProperty("totalCount").GetInt32());
        Assert.Equal(filled.ListingId, mine.GetProperty("listing").GetProperty("id").GetInt64());
        foreach (var field in new[] { "orders", "payouts", "creditCodes", "webhookDeliveries", "ofEndpoint", "exchange", "sofas" })
            Assert.True(mine.GetProperty(field).GetProperty("totalCount").GetInt32() >= 1, field);
        Assert.Single(mine.GetProperty("webhookEndpoints").EnumerateArray());

        foreach (var key in new[] { b.AdminKey, b.ReadOnlyKey, a.SandboxAdminKey })
        {
            var theirs = await Gql.DataAsync(Api.ClientWith(key), Gql.Everything, variables);
            foreach (var field in new[] { "listings", "exchange", "sofas", "orders", "payouts", "creditCodes", "webhookDeliveries", "ofEndpoint" })
                Assert.True(theirs.GetProperty(field).GetProperty("totalCount").GetInt32() == 0, $"{field}: {theirs}");
            Assert.Equal(JsonValueKind.Null, theirs.GetProperty("listing").ValueKind);
            Assert.Empty(theirs.GetProperty("webhookEndpoints").EnumerateArray());
            Assert.Equal(0m, theirs.GetProperty("creditOutstandingGbp").GetDecimal());
            Assert.DoesNotContain(theirs.GetProperty("usage").GetProperty("routes").EnumerateArray(), r => r.GetProperty("route").GetString() == filled.UsageRoute);
            if (key != a.SandboxAdminKey) Assert.DoesNotContain(a.Id, theirs.ToString(), StringComparison.Ordinal);
        }
        // The trade-in and every other listing id of A are invisible by id too.
        var byId = await Gql.DataAsync(Api.ClientWith(b.AdminKey), "query($id: Long!) { listing(id: $id) { id } }", new { id = filled.TradeInId });
        Assert.Equal(JsonValueKind.Null, byId.GetProperty("listing").ValueKind);
    }

    [Fact]
    public async Task Persisted_dashboard_overview_runs_by_hash_in_both_forms()
    {
        var brand = await NewBrandAsync();
        await Gql.FillAsync(Api, brand);
        var client = Api.ClientWith(brand.AdminKey);
        var hash = Api.Services.GetRequiredService<Repurch.Api.Features.GraphQL.PersistedQueries>().Names["dashboard-overview.graphql"];
        foreach (var body in new[]
        {
            JsonSerializer.Serialize(new { id = hash }),
            JsonSerializer.Serialize(new { id = "sha256:" + hash }),
            JsonSerializer.Serialize(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } }),
        })
        {
            var response = await client.PostJsonAsync("/graphql", body);
            var json = await response.JsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK && !json.TryGetProperty("errors", out _), json.ToString());
            Assert.Equal(1, json.GetProperty("data").GetProperty("orders").GetProperty("totalCount").GetInt32());
        }
        var unknown = await client.PostJsonAsync("/graphql", JsonSerializer.Serialize(new { id = new string('a', 64) }));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("persisted_query_not_found", Gql.FirstCode(await unknown.JsonAsync()));
        var mismatch = await client.PostJsonAsync("/graphql", JsonSerializer.Serialize(new { query = "{ usage { brandId } }", id = hash }));
        Assert.Equal("persisted_query_hash_mismatch", Gql.FirstCode(await mismatch.JsonAsync()));
    }
}
