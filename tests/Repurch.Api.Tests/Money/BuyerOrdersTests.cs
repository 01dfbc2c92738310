using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Money;

/// <summary>The signed-in buyer's orders: <c>/v1/me/orders</c> with a user token.</summary>
public sealed class BuyerOrdersTests : ApiTest
{
    private const string Clearance599 = """
        {"title":"Grey velvet corner sofa","channel":"clearance","price_gbp":599,"condition":"like-new","category":"Corner Sofas","delivery_contribution_gbp":60}
        """;

    private static string Body(long listingId, int quantity = 1) => JsonSerializer.Serialize(new { listing_id = listingId, quantity });

    private async Task<(TestBrand Brand, long ListingId, TestAccount Buyer)> SetupAsync(int quantity = 1)
    {
        var brand = await NewBrandAsync();
        var id = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey), Clearance599);
        if (quantity != 1) await MoneyData.SetQuantityAsync(Api, brand.Id, id, quantity);
        return (brand, id, await TestAccount.CreateAsync(Api, brand, "Robin Buyer"));
    }

    private static async Task<JsonElement> OrderAsync(HttpClient client, long listingId, int quantity = 1)
    {
        var response = await client.PostJsonAsync("/v1/me/orders", Body(listingId, quantity));
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    private static async Task<JsonElement> ActAsync(HttpClient client, string id, string action, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsync($"/v1/me/orders/{id}/{action}", null);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == expected, $"{action}: {(int)response.StatusCode} {body}");
        return body;
    }

    private async Task<(int Orders, int Quantity)> StockAsync(string brandId, long listingId)
    {
        await using var db = Api.Planes.Open(Plane.Live, brandId);
        return (await db.Orders.CountAsync(o => o.ListingId == listingId), await db.Listings.Where(l => l.Id == listingId).Select(l => l.Quantity).SingleAsync());
    }

    [Fact]
    public async Task A_signed_in_buyer_orders_pays_and_confirms_with_the_guest_checkouts_money()
    {
        var (brand, listingId, buyer) = await SetupAsync();
        var client = buyer.Client(Api);

        var order = await OrderAsync(client, listingId);
        var id = order.GetProperty("id").GetString()!;
        Assert.Equal("pending_payment", order.GetProperty("status").GetString());
        Assert.Equal(599m, order.GetProperty("amount_gbp").GetDecimal());
        Assert.Equal(89.85m, order.GetProperty("commission_gbp").GetDecimal());
        Assert.Equal(17.97m, order.GetProperty("vat_gbp").GetDecimal());
        Assert.Equal(431.18m, order.GetProperty("payout_gbp").GetDecimal());
        Assert.Equal(buyer.Email, order.GetProperty("buyer").GetProperty("email").GetString());
        Assert.Equal("Robin Buyer", order.GetProperty("buyer").GetProperty("name").GetString());
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var row = await db.Orders.SingleAsync(o => o.Id == id);
            Assert.Equal(buyer.Id, row.BuyerAccountId);
            Assert.Equal(brand.Id, row.MarketplaceBrandId);
        }
        Assert.Equal((1, 0), await StockAsync(brand.Id, listingId));

        var paid = await ActAsync(client, id, "capture");
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "listing.sold"));
        await ActAsync(client, id, "capture", HttpStatusCode.Conflict);
        var fetched = await (await client.GetAsync($"/v1/me/orders/{id}")).JsonAsync();
        Assert.Equal("paid", fetched.GetProperty("status").GetString());

        var done = await ActAsync(client, id, "confirm-receipt");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        await ActAsync(client, id, "confirm-receipt", HttpStatusCode.Conflict);
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            Assert.Equal(431.18m, (await db.Payouts.SingleAsync(p => p.OrderId == id)).Amount);
    }

    [Fact]
    public async Task The_list_is_the_buyers_own_newest_first_and_paged()
    {
        var (brand, listingId, buyer) = await SetupAsync(quantity: 5);
        var other = await TestAccount.CreateAsync(Api, brand);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await OrderAsync(buyer.Client(Api), listingId)).GetProperty("id").GetString()!);
        var theirs = (await OrderAsync(other.Client(Api), listingId)).GetProperty("id").GetString()!;

        var page = await buyer.Client(Api).GetAsync("/v1/me/orders?per_page=2");
        var body = await page.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("3", page.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal([ids[2], ids[1]], body.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        Assert.Equal(3, body.GetProperty("meta").GetProperty("total").GetInt32());
        var second = await (await buyer.Client(Api).GetAsync("/v1/me/orders?page=2&per_page=2")).JsonAsync();
        Assert.Equal([ids[0]], second.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        var theirList = await (await other.Client(Api).GetAsync("/v1/me/orders")).JsonAsync();
        Assert.Equal([theirs], theirList.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        await (await buyer.Client(Api).GetAsync("/v1/me/orders?per_page=101")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        await (await buyer.Client(Api).GetAsync("/v1/me/orders?page=0")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
    }

    [Fact]
    public async Task Another_buyers_or_brands_token_sees_and_changes_nothing_and_keys_are_refused()
    {
        var (brand, listingId, buyer) = await SetupAsync();
        var id = (await OrderAsync(buyer.Client(Api), listingId)).GetProperty("id").GetString()!;
        var other = await TestAccount.CreateAsync(Api, brand);
        var elsewhere = await TestAccount.CreateAsync(Api, await NewBrandAsync());
        foreach (var stranger in new[] { other.Client(Api), elsewhere.Client(Api) })
        {
            await (await stranger.GetAsync($"/v1/me/orders/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
            foreach (var action in new[] { "capture", "confirm-receipt" })
                await (await stranger.PostAsync($"/v1/me/orders/{id}/{action}", null)).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
            Assert.Equal(0, (await (await stranger.GetAsync("/v1/me/orders")).JsonAsync()).GetProperty("data").GetArrayLength());
        }
        // Another brand's buyer cannot order this brand's listing: its scope does not see it.
        await (await elsewhere.Client(Api).PostJsonAsync("/v1/me/orders", Body(listingId))).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        Assert.Equal("pending_payment", (await (await buyer.Client(Api).GetAsync($"/v1/me/orders/{id}")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal((1, 0), await StockAsync(brand.Id, listingId));

        // Keys without a signed-in user: the partner key and the storefront key are 403, no credential 401.
        foreach (var key in new[] { brand.AdminKey, brand.StorefrontKey })
        {
            var client = Api.ClientWith(key);
            await (await client.PostJsonAsync("/v1/me/orders", Body(listingId))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await client.GetAsync("/v1/me/orders")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await client.GetAsync($"/v1/me/orders/{id}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await client.PostAsync($"/v1/me/orders/{id}/capture", null)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await client.PostAsync($"/v1/me/orders/{id}/confirm-receipt", null)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        }
        var store = await Storefront.CreateAsync(Api);
        await (await store.Client.GetAsync($"/v1/me/orders/{id}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(null).GetAsync("/v1/me/orders")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith(null).PostJsonAsync("/v1/me/orders", Body(listingId))).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith("rp_user_nope").GetAsync("/v1/me/orders")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        // The marketplace key cannot read a signed-in buyer's order either (the buyer's brand placed it, not this storefront).
        await (await store.Client.GetAsync($"/v1/marketplace/orders/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
        Assert.Equal((1, 0), await StockAsync(brand.Id, listingId));
    }

    [Fact]
    public async Task Listings_not_on_sale_and_the_buyers_own_trade_in_are_refused_without_reserving()
    {
        var brand = await NewBrandAsync();
        var (seller, ownListing) = await TestAccount.CreateSellerAsync(Api, brand);
        await (await seller.Client(Api).PostJsonAsync("/v1/me/orders", Body(ownListing))).AssertErrorAsync(HttpStatusCode.Conflict, "cannot_buy_own_listing");
        Assert.Equal((0, 1), await StockAsync(brand.Id, ownListing));

        var buyer = await TestAccount.CreateAsync(Api, brand);
        foreach (var status in new[] { "pending_review", "rejected", "closed" })
        {
            var tradeIn = await brand.AddTradeInAsync(Api.Planes);
            await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
                await db.Listings.Where(l => l.Id == tradeIn).ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, status));
            await (await buyer.Client(Api).PostJsonAsync("/v1/me/orders", Body(tradeIn))).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
            Assert.Equal((0, 1), await StockAsync(brand.Id, tradeIn));
        }
        await (await buyer.Client(Api).PostJsonAsync("/v1/me/orders", Body(long.MaxValue))).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        // Another consumer's trade-in is on sale to this buyer.
        var order = await OrderAsync(buyer.Client(Api), ownListing);
        Assert.Equal("pending_payment", order.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("{}", new[] { "listing_id_required" })]
    [InlineData("""{"listing_id":"12"}""", new[] { "listing_id_invalid" })]
    [InlineData("""{"listing_id":"abc","quantity":"2"}""", new[] { "listing_id_invalid", "quantity_invalid" })]
    [InlineData("""{"listing_id":1.5,"quantity":0}""", new[] { "listing_id_invalid", "quantity_invalid" })]
    [InlineData("""{"listing_id":1,"quantity":-1}""", new[] { "quantity_invalid" })]
    [InlineData("""{"listing_id":1,"quantity":101}""", new[] { "quantity_invalid" })]
    [InlineData("""{"listing_id":1,"quantity":99999999999999999999999}""", new[] { "quantity_invalid" })]
    [InlineData("""{"listing_id":0}""", new[] { "listing_id_invalid" })]
    [InlineData("""{"listing_id":null,"quantity":null}""", new[] { "listing_id_required", "quantity_invalid" })]
    [InlineData("""{"listing_id":1,"listing_id":2}""", new[] { "listing_id_duplicate" })]
    [InlineData("""{"listing_id":1,"buyer":{"email":"a@b.co","name":"A"}}""", new[] { "buyer_unknown" })]
    [InlineData("""{"listing_id":1,"li\u0000sting":1}""", new[] { "unknown_field" })]
    [InlineData("""{"listing_id":[1],"quantity":{"n":1}}""", new[] { "listing_id_invalid", "quantity_invalid" })]
    public async Task Bad_bodies_name_every_problem_and_reserve_nothing(string json, string[] codes)
    {
        var (brand, listingId, buyer) = await SetupAsync();
        json = json.Replace("\"listing_id\":1,", $"\"listing_id\":{listingId},", StringComparison.Ordinal);
        var response = await buyer.Client(Api).PostJsonAsync("/v1/me/orders", json);
        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(codes.OrderBy(c => c), body.ErrorCodes().OrderBy(c => c));
        Assert.Equal((0, 1), await StockAsync(brand.Id, listingId));
    }

    [Fact]
    public async Task Malformed_huge_invalid_utf8_and_non_json_bodies_are_4xx()
    {
        var (brand, listingId, buyer) = await SetupAsync();
        var client = buyer.Client(Api);
        await (await client.PostJsonAsync("/v1/me/orders", "{\"listing_id\":")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await client.PostJsonAsync("/v1/me/orders", "[1]")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        await (await client.PostJsonAsync("/v1/me/orders", "{\"x\":\"" + new string('a', 1024 * 1024) + "\"}")).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        var invalidUtf8 = new ByteArrayContent([.. "{\"listing_id\":"u8.ToArray(), 0xC3, 0x28, .. "}"u8.ToArray()]);
        invalidUtf8.Headers.ContentType = new("application/json");
        var bad = await client.PostAsync("/v1/me/orders", invalidUtf8);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        await (await client.PostAsync("/v1/me/orders", new StringContent($"listing_id={listingId}"))).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await (await client.GetAsync($"/v1/me/orders/{new string('x', 500)}")).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
        await (await client.PostAsync("/v1/me/orders/ord_nope/capture", null)).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
        await (await client.PostAsync("/v1/me/orders/%01%1F/confirm-receipt", null)).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
        Assert.Equal((0, 1), await StockAsync(brand.Id, listingId));
        await (await client.PostJsonAsync("/v1/me/orders", Body(listingId, 2))).AssertErrorAsync(HttpStatusCode.Conflict, "insufficient_quantity");
        Assert.Equal((0, 1), await StockAsync(brand.Id, listingId));
    }

    [Fact]
    public async Task Two_buyers_racing_for_the_last_unit_get_one_order()
    {
        var (brand, listingId, first) = await SetupAsync();
        var second = await TestAccount.CreateAsync(Api, brand);
        var responses = await Task.WhenAll(first.Client(Api).PostJsonAsync("/v1/me/orders", Body(listingId)),
            second.Client(Api).PostJsonAsync("/v1/me/orders", Body(listingId)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        await Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Created).AssertErrorAsync(HttpStatusCode.Conflict, "listing_sold_out");
        Assert.Equal((1, 0), await StockAsync(brand.Id, listingId));
    }

    [Fact]
    public async Task Two_concurrent_captures_capture_once()
    {
        var (brand, listingId, buyer) = await SetupAsync();
        var id = (await OrderAsync(buyer.Client(Api), listingId)).GetProperty("id").GetString()!;
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => buyer.Client(Api).PostAsync($"/v1/me/orders/{id}/capture", null)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "listing.sold"));
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Single(await db.Ledger.Where(e => e.OrderId == id).Select(e => e.PostingId).Distinct().ToListAsync());
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
    }

    [Fact]
    public async Task An_idempotency_key_replays_for_its_buyer_and_is_not_shared_with_another()
    {
        var (brand, listingId, buyer) = await SetupAsync(quantity: 5);
        var other = await TestAccount.CreateAsync(Api, brand);
        async Task<HttpResponseMessage> Post(TestAccount who)
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, "/v1/me/orders") { Content = HttpExtensions.JsonContent(Body(listingId)) };
            req.Headers.Add("Idempotency-Key", "my-order-1");
            return await who.Client(Api).SendAsync(req);
        }
        var first = await (await Post(buyer)).JsonAsync();
        var again = await Post(buyer);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.GetProperty("id").GetString(), (await again.JsonAsync()).GetProperty("id").GetString());
        Assert.Equal((1, 4), await StockAsync(brand.Id, listingId));
        // The same key from another account of the brand is that account's own order, never the first buyer's answer.
        var theirs = await Post(other);
        var theirBody = await theirs.JsonAsync();
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.NotEqual(first.GetProperty("id").GetString(), theirBody.GetProperty("id").GetString());
        Assert.Equal(other.Email, theirBody.GetProperty("buyer").GetProperty("email").GetString());
        Assert.Equal((2, 3), await StockAsync(brand.Id, listingId));
    }
}
