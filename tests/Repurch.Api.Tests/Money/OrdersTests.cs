using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Repurch.Api.Features.Money;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Money;

public sealed class OrdersTests : ApiTest
{
    private const string Clearance599 = """
        {"title":"Grey velvet corner sofa","channel":"clearance","price_gbp":599,"condition":"like-new","category":"Corner Sofas","delivery_contribution_gbp":60}
        """;

    private async Task<(TestBrand Brand, long ListingId, Storefront Store)> SetupAsync(string listing = Clearance599)
    {
        var brand = await NewBrandAsync();
        var id = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey), listing);
        return (brand, id, await Storefront.CreateAsync(Api));
    }

    [Fact]
    public async Task A_sale_goes_from_pending_payment_to_escrow_to_completed_with_the_listings_payout()
    {
        var (brand, listingId, store) = await SetupAsync();
        var listing = await (await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/listings/{listingId}")).JsonAsync();
        Assert.Equal(431.18m, listing.GetProperty("payout").GetDecimal());

        var order = await store.OrderAsync(listingId);
        Assert.Equal("pending_payment", order.GetProperty("status").GetString());
        Assert.Equal(599m, order.GetProperty("amount_gbp").GetDecimal());
        Assert.Equal(89.85m, order.GetProperty("commission_gbp").GetDecimal());
        Assert.Equal(17.97m, order.GetProperty("vat_gbp").GetDecimal());
        Assert.Equal(listing.GetProperty("payout").GetDecimal(), order.GetProperty("payout_gbp").GetDecimal());
        Assert.Equal(brand.Id, order.GetProperty("brand_id").GetString());
        Assert.Equal("fake", order.GetProperty("payment").GetProperty("provider").GetString());
        Assert.StartsWith("FAKE-", order.GetProperty("payment").GetProperty("provider_order_id").GetString());
        var id = order.GetProperty("id").GetString()!;
        Assert.StartsWith("ord_", id);
        // The last unit is reserved: the listing leaves the marketplace, and closes once it is paid for.
        var after = await (await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/listings/{listingId}")).JsonAsync();
        Assert.Equal(0, after.GetProperty("quantity_identical").GetInt32());
        await (await store.Client.GetAsync($"/v1/marketplace/listings/{listingId}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);

        var paid = await store.ActAsync(id, "capture");
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        Assert.True(paid.GetProperty("release_due_at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(6.9));
        Assert.Equal("closed", (await (await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/listings/{listingId}")).JsonAsync()).GetProperty("status").GetString());
        var sold = Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "listing.sold"));
        var soldData = JsonDocument.Parse(sold.Data).RootElement.GetProperty("object");
        Assert.Equal(listingId, soldData.GetProperty("listing_id").GetInt64());
        Assert.True(soldData.GetProperty("sold_out").GetBoolean());
        var balances = await MoneyData.BalancesAsync(Api, brand.Id);
        Assert.Equal(-59900, balances[Accounts.Escrow]);
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);

        var fetched = await (await store.Client.GetAsync($"/v1/marketplace/orders/{id}")).JsonAsync();
        Assert.Equal("paid", fetched.GetProperty("status").GetString());

        var done = await store.ActAsync(id, "confirm-receipt");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        balances = await MoneyData.BalancesAsync(Api, brand.Id);
        Assert.Equal(0, balances[Accounts.Escrow]);
        Assert.Equal(-8985, balances[Accounts.Commission]);
        Assert.Equal(-1797, balances[Accounts.VatOnCommission]);
        Assert.Equal(-6000, balances[Accounts.DeliveryContribution]);
        // The fake provider settles the partner's payout at once.
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var payout = await db.Payouts.SingleAsync();
            Assert.Equal("settled", payout.Status);
            Assert.Equal(431.18m, payout.Amount);
        }
        Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "payout.settled"));
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
        await store.ActAsync(id, "confirm-receipt", HttpStatusCode.Conflict);
        await store.ActAsync(id, "refund", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Quantity_is_multiplied_and_partial_stock_stays_on_sale()
    {
        var (brand, listingId, store) = await SetupAsync();
        await MoneyData.SetQuantityAsync(Api, brand.Id, listingId, 3);
        var order = await store.OrderAsync(listingId, 2);
        Assert.Equal(1198m, order.GetProperty("amount_gbp").GetDecimal());
        Assert.Equal(862.36m, order.GetProperty("payout_gbp").GetDecimal());
        var listing = await (await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/listings/{listingId}")).JsonAsync();
        Assert.Equal("active", listing.GetProperty("status").GetString());
        var tooMany = await store.Client.PostJsonAsync("/v1/marketplace/orders", Storefront.OrderBody(listingId, 2));
        await tooMany.AssertErrorAsync(HttpStatusCode.Conflict, "insufficient_quantity");
    }

    [Fact]
    public async Task Cancel_puts_the_units_back_and_refund_returns_escrow()
    {
        var (brand, listingId, store) = await SetupAsync();
        var id = (await store.OrderAsync(listingId)).GetProperty("id").GetString()!;
        Assert.Equal("cancelled", (await store.ActAsync(id, "cancel")).GetProperty("status").GetString());
        var listing = await (await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/listings/{listingId}")).JsonAsync();
        Assert.Equal("active", listing.GetProperty("status").GetString());
        await store.ActAsync(id, "capture", HttpStatusCode.Conflict);

        var second = (await store.OrderAsync(listingId)).GetProperty("id").GetString()!;
        await store.ActAsync(second, "capture");
        await store.ActAsync(second, "cancel", HttpStatusCode.Conflict);
        var refunded = await store.ActAsync(second, "refund");
        Assert.Equal("refunded", refunded.GetProperty("status").GetString());
        Assert.StartsWith("FAKEREF-", refunded.GetProperty("payment").GetProperty("refund_id").GetString());
        var balances = await MoneyData.BalancesAsync(Api, brand.Id);
        Assert.Equal(0, balances[Accounts.Escrow]);
        Assert.Equal(0, balances[Accounts.BuyerFunds]);
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
    }

    [Fact]
    public async Task Buyers_racing_for_the_last_unit_get_one_order_and_every_other_buyer_hears_sold_out()
    {
        var (brand, listingId, store) = await SetupAsync();
        var other = await Storefront.CreateAsync(Api);
        var body = Storefront.OrderBody(listingId);

        // Two storefronts, 20 buyers at once: whether a loser waited on the row or arrived after the
        // winner committed, it is told the listing sold out, never that it does not exist.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => (i % 2 == 0 ? store : other).Client.PostJsonAsync("/v1/marketplace/orders", body)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await r.AssertErrorAsync(HttpStatusCode.Conflict, "listing_sold_out");
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(1, await db.Orders.CountAsync());
        Assert.Equal(0, await db.Listings.Where(l => l.Id == listingId).Select(l => l.Quantity).SingleAsync());
    }

    [Fact]
    public async Task Escrow_is_released_by_the_sweep_after_the_auto_release_period()
    {
        var (brand, listingId, store) = await SetupAsync();
        var id = (await store.OrderAsync(listingId)).GetProperty("id").GetString()!;
        await store.ActAsync(id, "capture");
        var flows = Api.Services.GetRequiredService<OrderFlows>();
        await flows.SweepAsync(Plane.Live, default);
        Assert.Equal("paid", (await (await store.Client.GetAsync($"/v1/marketplace/orders/{id}")).JsonAsync()).GetProperty("status").GetString());

        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            await db.Orders.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ReleaseDueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        await flows.SweepAsync(Plane.Live, default);
        Assert.Equal("completed", (await (await store.Client.GetAsync($"/v1/marketplace/orders/{id}")).JsonAsync()).GetProperty("status").GetString());
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
    }

    [Fact]
    public async Task A_declined_capture_leaves_the_order_pending()
    {
        var (brand, listingId, store) = await SetupAsync();
        var id = (await store.OrderAsync(listingId, email: "declined-card@example.com")).GetProperty("id").GetString()!;
        var response = await store.Client.PostAsync($"/v1/marketplace/orders/{id}/capture", null);
        await response.AssertErrorAsync(HttpStatusCode.PaymentRequired, "payment_declined");
        Assert.Equal("pending_payment", (await (await store.Client.GetAsync($"/v1/marketplace/orders/{id}")).JsonAsync()).GetProperty("status").GetString());
        Assert.Empty(await MoneyData.EventsAsync(Api, brand.Id, "listing.sold"));
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
    }

    [Theory]
    [InlineData("{}", new[] { "listing_id_required", "buyer_required" })]
    [InlineData("""{"listing_id":"x","buyer":{"email":"a@b.co","name":"A"}}""", new[] { "listing_id_invalid" })]
    [InlineData("""{"listing_id":1.5,"quantity":0,"buyer":{"email":"nope","name":""}}""", new[] { "listing_id_invalid", "quantity_invalid", "buyer_email_invalid", "buyer_name_required" })]
    [InlineData("""{"listing_id":null,"buyer":null}""", new[] { "listing_id_required", "buyer_required" })]
    [InlineData("""{"listing_id":1,"buyer":{"email":"  ","name":null}}""", new[] { "buyer_email_required", "buyer_name_required" })]
    [InlineData("""{"listing_id":1,"listing_id":2,"buyer":{"email":"a@b.co","email":"c@d.co","name":"A"}}""", new[] { "listing_id_duplicate", "buyer_email_duplicate" })]
    [InlineData("""{"listing_id":1,"buyer":"me","price_gbp":1}""", new[] { "buyer_invalid", "price_gbp_unknown" })]
    [InlineData("""{"listing_id":1,"quantity":101,"buyer":{"extra":1}}""", new[] { "quantity_invalid", "buyer_extra_unknown", "buyer_email_required", "buyer_name_required" })]
    public async Task Bad_order_bodies_name_every_problem(string json, string[] codes)
    {
        var store = await Storefront.CreateAsync(Api);
        var body = await (await store.Client.PostJsonAsync("/v1/marketplace/orders", json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(codes.OrderBy(c => c), body.ErrorCodes().OrderBy(c => c));
    }

    [Theory]
    [InlineData("""{"listing_id":1,"buyer":{"email":"buyer@example.com","name":"Alex\u0000Buyer"}}""", "buyer_name_invalid")]
    [InlineData("""{"listing_id":1,"buyer":{"email":"buyer@example.com","name":"Alex\u009bBuyer"}}""", "buyer_name_invalid")]
    [InlineData("""{"listing_id":1,"buyer":{"email":"buyer@example.com","na\u0000me":"Alex Buyer"}}""", "unknown_field")]
    public async Task Control_characters_in_the_buyer_are_refused_and_reserve_nothing(string json, string code)
    {
        var (brand, listingId, store) = await SetupAsync();
        json = json.Replace("\"listing_id\":1", $"\"listing_id\":{listingId}", StringComparison.Ordinal);

        var body = await (await store.Client.PostJsonAsync("/v1/marketplace/orders", json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([code], body.ErrorCodes());
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(0, await db.Orders.CountAsync());
        Assert.Equal(1, await db.Listings.Where(l => l.Id == listingId).Select(l => l.Quantity).SingleAsync());
    }

    [Fact]
    public async Task Malformed_huge_and_wrongly_typed_bodies_are_4xx()
    {
        var store = await Storefront.CreateAsync(Api);
        await (await store.Client.PostJsonAsync("/v1/marketplace/orders", "{\"listing_id\":")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await store.Client.PostJsonAsync("/v1/marketplace/orders", "[1]")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        await (await store.Client.PostJsonAsync("/v1/marketplace/orders", "{\"x\":\"" + new string('a', 20_000) + "\"}")).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        var text = await store.Client.PostAsync("/v1/marketplace/orders", new StringContent("listing_id=1"));
        await text.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Unknown_draft_and_other_stores_orders_are_not_found_and_partner_keys_are_refused()
    {
        var (brand, listingId, store) = await SetupAsync();
        await (await store.Client.PostJsonAsync("/v1/marketplace/orders", Storefront.OrderBody(long.MaxValue))).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        var draft = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey), Clearance599.Replace("\"channel\"", "\"status\":\"draft\",\"channel\""));
        await (await store.Client.PostJsonAsync("/v1/marketplace/orders", Storefront.OrderBody(draft))).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");

        var id = (await store.OrderAsync(listingId)).GetProperty("id").GetString()!;
        var stranger = await Storefront.CreateAsync(Api);
        await (await stranger.Client.GetAsync($"/v1/marketplace/orders/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
        foreach (var action in new[] { "capture", "confirm-receipt", "refund", "cancel" })
            await (await stranger.Client.PostAsync($"/v1/marketplace/orders/{id}/{action}", null)).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
        await (await store.Client.GetAsync("/v1/marketplace/orders/ord_nope")).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
        Assert.Equal("pending_payment", (await (await store.Client.GetAsync($"/v1/marketplace/orders/{id}")).JsonAsync()).GetProperty("status").GetString());

        var partner = Api.ClientWith(brand.AdminKey);
        await (await partner.PostJsonAsync("/v1/marketplace/orders", Storefront.OrderBody(listingId))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await partner.GetAsync($"/v1/marketplace/orders/{id}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var readOnly = await Storefront.CreateAsync(Api, ["read"]);
        await (await readOnly.Client.PostJsonAsync("/v1/marketplace/orders", Storefront.OrderBody(listingId))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(null).PostJsonAsync("/v1/marketplace/orders", Storefront.OrderBody(listingId))).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
    }

    [Fact]
    public async Task Idempotency_key_replays_an_order_instead_of_reserving_twice()
    {
        var (brand, listingId, store) = await SetupAsync();
        await MoneyData.SetQuantityAsync(Api, brand.Id, listingId, 5);
        async Task<HttpResponseMessage> Post()
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, "/v1/marketplace/orders") { Content = HttpExtensions.JsonContent(Storefront.OrderBody(listingId)) };
            req.Headers.Add("Idempotency-Key", "order-1");
            return await store.Client.SendAsync(req);
        }
        var first = await (await Post()).JsonAsync();
        var again = await Post();
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.GetProperty("id").GetString(), (await again.JsonAsync()).GetProperty("id").GetString());
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(4, await db.Listings.Where(l => l.Id == listingId).Select(l => l.Quantity).SingleAsync());
    }
}
