using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Cli;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Money;

/// <summary>The whole order and payout flow through the API with the PayPal provider against the stub.</summary>
public sealed class PayPalFlowTests : ApiTest, IDisposable
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

    private static HttpRequestMessage Webhook(string body, bool signed = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/paypal") { Content = HttpExtensions.JsonContent(body) };
        if (signed) foreach (var (k, v) in PayPalStub.SignatureHeaders) request.Headers.Add(k, v);
        return request;
    }

    [Fact]
    public async Task Order_capture_release_and_payout_settle_through_paypal()
    {
        var brand = await NewBrandAsync();
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            db.BillingEntities.Add(new BillingEntity { BrandId = brand.Id, InvoiceEmail = "payouts@example.com", UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var listing = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey));
        var market = await TestBrand.CreateAsync(Api.Planes);
        string key;
        await using (var db = Api.Planes.Open(Plane.Live, market.Id))
            key = await ApiKeyIssuer.CreateAsync(db, market.Id, Plane.Live, Roles.Marketplace, [Scopes.Read, Scopes.Write], "storefront");
        var store = new Storefront(ClientWith(key), market.Id);

        var order = await store.OrderAsync(listing);
        Assert.Equal("paypal", order.GetProperty("payment").GetProperty("provider").GetString());
        Assert.Equal("https://www.sandbox.paypal.com/checkoutnow?token=5O190127TN364715T", order.GetProperty("payment").GetProperty("approve_url").GetString());
        var id = order.GetProperty("id").GetString()!;
        var paid = await store.ActAsync(id, "capture");
        Assert.Equal("3C679366HH908993F", paid.GetProperty("payment").GetProperty("capture_id").GetString());
        await store.ActAsync(id, "confirm-receipt");

        string payoutId;
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var payout = await db.Payouts.SingleAsync();
            Assert.Equal("sent", payout.Status);
            Assert.Equal("5UXD2E8A7EBQJ", payout.ProviderBatchId);
            payoutId = payout.Id;
        }
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
        var anonymous = ClientWith(null);

        // Unsigned: refused, nothing changes.
        await (await anonymous.SendAsync(Webhook(PayPalStub.PayoutWebhook(payoutId), signed: false))).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_signature");
        Assert.Empty(await MoneyData.EventsAsync(Api, brand.Id, "payout.settled"));

        var settled = await anonymous.SendAsync(Webhook(PayPalStub.PayoutWebhook(payoutId)));
        Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        Assert.True((await settled.JsonAsync()).GetProperty("applied").GetBoolean());
        // Redelivered: acknowledged, nothing applied twice.
        var repeat = await anonymous.SendAsync(Webhook(PayPalStub.PayoutWebhook(payoutId)));
        Assert.False((await repeat.JsonAsync()).GetProperty("applied").GetBoolean());
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            Assert.Equal("settled", (await db.Payouts.SingleAsync()).Status);
        Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "payout.settled"));
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
    }

    private int PayPalOrdersCreated() =>
        _stub.Server.LogEntries.Count(e => e.RequestMessage.Path == "/v2/checkout/orders" && e.RequestMessage.Method == "POST");

    [Fact]
    public async Task A_refused_order_creates_no_paypal_order()
    {
        var brand = await NewBrandAsync();
        var listing = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey));
        var market = await TestBrand.CreateAsync(Api.Planes);
        string key;
        await using (var db = Api.Planes.Open(Plane.Live, market.Id))
            key = await ApiKeyIssuer.CreateAsync(db, market.Id, Plane.Live, Roles.Marketplace, [Scopes.Read, Scopes.Write], "storefront");
        var store = new Storefront(ClientWith(key), market.Id);

        // A NUL in the buyer's name would fail at our insert: it is refused before PayPal is asked.
        var nul = $$$"""{"listing_id":{{{listing}}},"buyer":{"email":"buyer@example.com","name":"Alex\u0000Buyer"}}""";
        await (await store.Client.PostJsonAsync("/v1/marketplace/orders", nul)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(0, PayPalOrdersCreated());

        // The one order that is taken creates one PayPal order; the buyer after it gets sold out, and PayPal hears nothing.
        await store.OrderAsync(listing);
        Assert.Equal(1, PayPalOrdersCreated());
        await (await store.Client.PostJsonAsync("/v1/marketplace/orders", Storefront.OrderBody(listing))).AssertErrorAsync(HttpStatusCode.Conflict, "listing_sold_out");
        Assert.Equal(1, PayPalOrdersCreated());
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            Assert.Equal(1, await db.Orders.CountAsync());
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
    }

    [Fact]
    public async Task A_paypal_outage_at_capture_changes_nothing_and_a_forged_webhook_is_refused()
    {
        _stub.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v2/checkout/orders/*/capture").UsingPost()).AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(500).WithBodyAsJson(new { name = "INTERNAL_SERVER_ERROR" }));
        var brand = await NewBrandAsync();
        var listing = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey));
        var market = await TestBrand.CreateAsync(Api.Planes);
        string key;
        await using (var db = Api.Planes.Open(Plane.Live, market.Id))
            key = await ApiKeyIssuer.CreateAsync(db, market.Id, Plane.Live, Roles.Marketplace, [Scopes.Read, Scopes.Write], "storefront");
        var store = new Storefront(ClientWith(key), market.Id);
        var id = (await store.OrderAsync(listing)).GetProperty("id").GetString()!;
        await (await store.Client.PostAsync($"/v1/marketplace/orders/{id}/capture", null)).AssertErrorAsync(HttpStatusCode.BadGateway, "payment_provider_unavailable");
        Assert.Equal("pending_payment", (await (await store.Client.GetAsync($"/v1/marketplace/orders/{id}")).JsonAsync()).GetProperty("status").GetString());
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);

        _stub.Server.Reset();
        _stub.Verification("FAILURE");
        _stub.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v1/oauth2/token").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBodyAsJson(new { access_token = "t", token_type = "Bearer", expires_in = 3600 }));
        await (await ClientWith(null).SendAsync(Webhook(PayPalStub.PayoutWebhook("po_whatever")))).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_signature");
    }
}
