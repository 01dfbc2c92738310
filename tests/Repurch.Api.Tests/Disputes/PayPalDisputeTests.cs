using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Cli;
using Repurch.Api.Features.Money;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Money;

namespace Repurch.Api.Tests.Disputes;

/// <summary>PayPal's CUSTOMER.DISPUTE.* webhooks through the PayPal provider against the stub.</summary>
public sealed class PayPalDisputeTests : ApiTest, IDisposable
{
    private readonly PayPalStub _stub = new();
    private WebApplicationFactory<Program>? _host;

    public void Dispose()
    {
        _host?.Dispose();
        _stub.Dispose();
    }

    private WebApplicationFactory<Program> Host => _host ??= Api.WithWebHostBuilder(b => b
        .UseSetting("Payments:Provider", "paypal")
        .UseSetting("Payments:PayPal:BaseUrl", _stub.Url)
        .UseSetting("Payments:PayPal:ClientId", "client")
        .UseSetting("Payments:PayPal:ClientSecret", "secret")
        .UseSetting("Payments:PayPal:WebhookId", "1JE4291016473214C")
        .UseSetting("Payments:PayPal:TimeoutSeconds", "30"));

    private HttpClient ClientWith(string? key)
    {
        var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A dispute event as PayPal sends it (resource_type dispute, the capture in disputed_transactions).</summary>
    private static string DisputeEvent(string type, string disputeId, string captureId, string reason = "MERCHANDISE_OR_SERVICE_NOT_RECEIVED",
        string? outcome = null, string? refunded = null) => JsonSerializer.Serialize(new
    {
        id = "WH-" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant(), event_version = "1.0", create_time = "2026-12-02T10:00:00.000Z",
        resource_type = "dispute", event_type = type, summary = type == "CUSTOMER.DISPUTE.CREATED" ? "A new dispute opened with Case # " + disputeId : "A dispute was resolved",
        resource = new Dictionary<string, object?>
        {
            ["dispute_id"] = disputeId,
            ["create_time"] = "2026-12-02T09:59:00.000Z",
            ["update_time"] = "2026-12-02T10:00:00.000Z",
            ["disputed_transactions"] = new[]
            {
                new { seller_transaction_id = captureId, create_time = "2026-12-01T08:00:00.000Z", transaction_status = "COMPLETED",
                    gross_amount = new { currency_code = "GBP", value = "599.00" }, buyer = new { name = "Alex Buyer" }, seller = new { merchant_id = "7XMHQ6UHQVT2E", name = "Repurch" } },
            },
            ["reason"] = reason,
            ["status"] = outcome is null ? "WAITING_FOR_SELLER_RESPONSE" : "RESOLVED",
            ["dispute_amount"] = new { currency_code = "GBP", value = "599.00" },
            ["dispute_outcome"] = outcome is null ? null : new { outcome_code = outcome, amount_refunded = refunded is null ? null : new { currency_code = "GBP", value = refunded } },
            ["dispute_life_cycle_stage"] = "CHARGEBACK",
            ["dispute_channel"] = "INTERNAL",
            ["messages"] = new[] { new { posted_by = "BUYER", time_posted = "2026-12-02T09:59:00.000Z", content = "Never arrived." } },
            ["links"] = new[] { new { href = $"https://api-m.sandbox.paypal.com/v1/customer/disputes/{disputeId}", rel = "self", method = "GET" } },
        },
        links = new[] { new { href = "https://api-m.sandbox.paypal.com/v1/notifications/webhooks-events/WH-1", rel = "self", method = "GET" } },
    });

    private async Task<JsonElement> SendAsync(string body, bool signed = true, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/paypal") { Content = HttpExtensions.JsonContent(body) };
        if (signed) foreach (var (k, v) in PayPalStub.SignatureHeaders) request.Headers.Add(k, v);
        var response = await ClientWith(null).SendAsync(request);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == expected, json.ToString());
        return json;
    }

    /// <summary>A paid order through PayPal, with a capture id of its own.</summary>
    private async Task<(TestBrand Brand, string OrderId, string CaptureId)> PaidAsync()
    {
        var brand = await NewBrandAsync();
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            db.BillingEntities.Add(new BillingEntity { BrandId = brand.Id, InvoiceEmail = "payouts@example.com", UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var listing = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey), DisputeData.Clearance599);
        var market = await TestBrand.CreateAsync(Api.Planes);
        string key;
        await using (var db = Api.Planes.Open(Plane.Live, market.Id))
            key = await ApiKeyIssuer.CreateAsync(db, market.Id, Plane.Live, Roles.Marketplace, [Scopes.Read, Scopes.Write], "storefront");
        var store = new Storefront(ClientWith(key), market.Id);
        var id = (await store.OrderAsync(listing)).GetProperty("id").GetString()!;
        await store.ActAsync(id, "capture");
        // The stub answers every capture with one id; give this order its own, as PayPal would.
        var capture = "CAP" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            await db.Orders.Where(o => o.Id == id).ExecuteUpdateAsync(u => u.SetProperty(o => o.ProviderCaptureId, capture));
        return (brand, id, capture);
    }

    private int RefundCalls() => _stub.Server.LogEntries.Count(e => e.RequestMessage.Path.EndsWith("/refund", StringComparison.Ordinal));

    private async Task<List<Dispute>> DisputesAsync(string brandId)
    {
        await using var db = Api.Planes.Open(Plane.Live, brandId);
        return await db.Disputes.ToListAsync();
    }

    [Fact]
    public async Task Created_opens_the_dispute_and_resolved_for_the_buyer_refunds_in_the_ledger_only()
    {
        var (brand, orderId, capture) = await PaidAsync();
        var paypalId = "PP-D-" + Random.Shared.Next(100000, 999999);

        var created = DisputeEvent("CUSTOMER.DISPUTE.CREATED", paypalId, capture);
        Assert.True((await SendAsync(created)).GetProperty("applied").GetBoolean());
        var dispute = Assert.Single(await DisputesAsync(brand.Id));
        Assert.Equal("paypal", dispute.OpenedBy);
        Assert.Equal("not_received", dispute.Reason);
        Assert.Equal(paypalId, dispute.ProviderDisputeId);
        Assert.Null(dispute.Text);
        Assert.Equal(OrderStatus.Disputed, (await DisputeData.OrderAsync(Api, brand.Id, orderId)).Status);
        // Redelivered: acknowledged, nothing new.
        Assert.False((await SendAsync(created)).GetProperty("applied").GetBoolean());
        Assert.Single(await DisputesAsync(brand.Id));
        Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "dispute.opened"));

        var refundsBefore = RefundCalls();
        var resolved = DisputeEvent("CUSTOMER.DISPUTE.RESOLVED", paypalId, capture, outcome: "RESOLVED_BUYER_FAVOUR", refunded: "599.00");
        Assert.True((await SendAsync(resolved)).GetProperty("applied").GetBoolean());
        Assert.False((await SendAsync(resolved)).GetProperty("applied").GetBoolean());
        dispute = Assert.Single(await DisputesAsync(brand.Id));
        Assert.Equal("resolved", dispute.Status);
        Assert.Equal("refund", dispute.Outcome);
        Assert.Equal("paypal", dispute.ResolvedBy);
        Assert.Equal(599m, dispute.AmountRefunded);
        Assert.Equal(OrderStatus.Refunded, (await DisputeData.OrderAsync(Api, brand.Id, orderId)).Status);
        // PayPal already returned the money: we ask for no refund of our own.
        Assert.Equal(refundsBefore, RefundCalls());
        Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "dispute.resolved"));
        await DisputeData.AssertLedgerAsync(Api, brand.Id);
        await DisputeData.AssertReconciliationTiesAsync(Api, brand);
    }

    [Fact]
    public async Task Resolved_for_the_seller_releases_and_a_partial_amount_refunds_part()
    {
        var (brand, orderId, capture) = await PaidAsync();
        var paypalId = "PP-S-" + Random.Shared.Next(100000, 999999);
        await SendAsync(DisputeEvent("CUSTOMER.DISPUTE.CREATED", paypalId, capture, reason: "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED"));
        Assert.True((await SendAsync(DisputeEvent("CUSTOMER.DISPUTE.RESOLVED", paypalId, capture, outcome: "RESOLVED_SELLER_FAVOUR"))).GetProperty("applied").GetBoolean());
        Assert.Equal(OrderStatus.Completed, (await DisputeData.OrderAsync(Api, brand.Id, orderId)).Status);
        Assert.Equal("release", Assert.Single(await DisputesAsync(brand.Id)).Outcome);
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            Assert.Equal("sent", (await db.Payouts.SingleAsync()).Status);
        await DisputeData.AssertLedgerAsync(Api, brand.Id);

        var (brand2, order2, capture2) = await PaidAsync();
        var paypal2 = "PP-P-" + Random.Shared.Next(100000, 999999);
        // RESOLVED with no CREATED seen first (a lost delivery): the dispute is opened and resolved at once.
        Assert.True((await SendAsync(DisputeEvent("CUSTOMER.DISPUTE.RESOLVED", paypal2, capture2, outcome: "ACCEPTED", refunded: "100.00"))).GetProperty("applied").GetBoolean());
        var partial = await DisputeData.OrderAsync(Api, brand2.Id, order2);
        Assert.Equal(OrderStatus.PartiallyRefunded, partial.Status);
        Assert.Equal(100m, partial.RefundedAmount);
        await DisputeData.AssertLedgerAsync(Api, brand2.Id);
        await DisputeData.AssertReconciliationTiesAsync(Api, brand2);
    }

    [Fact]
    public async Task Created_links_the_buyers_open_dispute_and_ignores_orders_that_cannot_be_disputed()
    {
        var (brand, orderId, capture) = await PaidAsync();
        var mine = await DisputeData.OpenAsync(Api, brand.Id, orderId);
        var paypalId = "PP-L-" + Random.Shared.Next(100000, 999999);
        Assert.True((await SendAsync(DisputeEvent("CUSTOMER.DISPUTE.CREATED", paypalId, capture))).GetProperty("applied").GetBoolean());
        var linked = Assert.Single(await DisputesAsync(brand.Id));
        Assert.Equal(mine.Id, linked.Id);
        Assert.Equal(paypalId, linked.ProviderDisputeId);

        // An unknown capture, or an order already released: acknowledged, nothing changes.
        Assert.False((await SendAsync(DisputeEvent("CUSTOMER.DISPUTE.CREATED", "PP-X-1", "NOSUCHCAPTURE"))).GetProperty("applied").GetBoolean());
        var (brand2, order2, capture2) = await PaidAsync();
        await using (var db = Api.Planes.Open(Plane.Live, brand2.Id))
            await db.Orders.Where(o => o.Id == order2).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OrderStatus.Cancelled));
        Assert.False((await SendAsync(DisputeEvent("CUSTOMER.DISPUTE.CREATED", "PP-X-2" + Random.Shared.Next(), capture2))).GetProperty("applied").GetBoolean());
        Assert.Empty(await DisputesAsync(brand2.Id));
    }

    [Fact]
    public async Task A_signature_paypal_does_not_confirm_changes_nothing()
    {
        var (brand, orderId, capture) = await PaidAsync();
        var body = DisputeEvent("CUSTOMER.DISPUTE.CREATED", "PP-F-" + Random.Shared.Next(), capture);
        await SendAsync(body, signed: false, expected: HttpStatusCode.Unauthorized);
        _stub.Server.Reset();
        _stub.Verification("FAILURE");
        _stub.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v1/oauth2/token").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBodyAsJson(new { access_token = "t", token_type = "Bearer", expires_in = 3600 }));
        var refused = await SendAsync(body, expected: HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_signature", refused.GetProperty("code").GetString());
        Assert.Empty(await DisputesAsync(brand.Id));
        Assert.Equal(OrderStatus.Paid, (await DisputeData.OrderAsync(Api, brand.Id, orderId)).Status);
    }
}
