using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Repurch.Api.Payments;
using Repurch.Api.Tests.Money;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Repurch.Api.Tests.Payments;

/// <summary>The PayPal client against a local stub speaking PayPal's documented request and response shapes.</summary>
public sealed class PayPalProviderTests : IDisposable
{
    private readonly PayPalStub _stub = new();

    public void Dispose() => _stub.Dispose();

    private PayPalProvider Client(double timeoutSeconds = 30) =>
        new(new HttpClient { BaseAddress = new Uri(_stub.Url) },
            new PayPalOptions { BaseUrl = _stub.Url, ClientId = "client", ClientSecret = "secret", WebhookId = "1JE4291016473214C", TimeoutSeconds = timeoutSeconds },
            TimeProvider.System, NullLogger<PayPalProvider>.Instance);

    private static PaymentRequest Request599 => new("ord_test", 599m, 167.82m, "1 x Grey velvet corner sofa", "buyer@example.com");

    [Fact]
    public async Task Creates_an_order_with_the_platform_fee_and_reuses_the_oauth_token()
    {
        using var paypal = Client();
        var created = await paypal.CreateOrderAsync(Request599, default);
        Assert.Equal(ProviderOutcome.Ok, created.Outcome);
        Assert.Equal("5O190127TN364715T", created.Value!.ProviderOrderId);
        Assert.Equal("https://www.sandbox.paypal.com/checkoutnow?token=5O190127TN364715T", created.Value.ApproveUrl);
        await paypal.CreateOrderAsync(Request599 with { Reference = "ord_two" }, default);

        Assert.Single(_stub.Server.LogEntries, e => e.RequestMessage.Path == "/v1/oauth2/token");
        var create = _stub.Server.LogEntries.First(e => e.RequestMessage.Path == "/v2/checkout/orders").RequestMessage;
        Assert.Equal("Bearer A21AAFEpH4PsADK7qSS7pSRsgzfENtu-Q1ysgEDVDESseMHBYXVJYE8ovjj68elIDy8nF26AwPhfXTIeWAZHSLIsQkSYz9ifg", create.Headers!["Authorization"].Single());
        Assert.Equal("ord_test-create", create.Headers["PayPal-Request-Id"].Single());
        var body = JsonDocument.Parse(create.Body!).RootElement;
        Assert.Equal("CAPTURE", body.GetProperty("intent").GetString());
        var unit = body.GetProperty("purchase_units")[0];
        Assert.Equal("ord_test", unit.GetProperty("reference_id").GetString());
        Assert.Equal("599.00", unit.GetProperty("amount").GetProperty("value").GetString());
        Assert.Equal("GBP", unit.GetProperty("amount").GetProperty("currency_code").GetString());
        Assert.Equal("167.82", unit.GetProperty("payment_instruction").GetProperty("platform_fees")[0].GetProperty("amount").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Captures_and_a_replayed_request_id_gets_the_same_capture()
    {
        using var paypal = Client();
        var first = await paypal.CaptureAsync("5O190127TN364715T", "ord_x-capture", default);
        var again = await paypal.CaptureAsync("5O190127TN364715T", "ord_x-capture", default);
        Assert.Equal(ProviderOutcome.Ok, first.Outcome);
        Assert.Equal("3C679366HH908993F", first.Value);
        Assert.Equal(first.Value, again.Value);
        var captures = _stub.Server.LogEntries.Where(e => e.RequestMessage.Path.EndsWith("/capture", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, captures.Count);
        Assert.All(captures, c => Assert.Equal("ord_x-capture", c.RequestMessage.Headers!["PayPal-Request-Id"].Single()));
    }

    [Fact]
    public async Task A_declined_instrument_is_declined_with_paypals_issue()
    {
        _stub.Server.Given(Request.Create().WithPath("/v2/checkout/orders/DECLINED1/capture").UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(422).WithBodyAsJson(PayPalStub.DeclinedBody));
        _stub.StubCapture("DECLINED2", "DECLINED", "9XX");
        using var paypal = Client();
        var declined = await paypal.CaptureAsync("DECLINED1", "r1", default);
        Assert.Equal(ProviderOutcome.Declined, declined.Outcome);
        Assert.Equal("INSTRUMENT_DECLINED", declined.Reason);
        Assert.Equal(ProviderOutcome.Declined, (await paypal.CaptureAsync("DECLINED2", "r2", default)).Outcome);
    }

    [Fact]
    public async Task Server_errors_timeouts_and_unreachable_hosts_are_unavailable_not_declined()
    {
        _stub.Server.Given(Request.Create().WithPath("/v2/checkout/orders/BROKEN/capture").UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(503).WithBodyAsJson(new { name = "SERVICE_UNAVAILABLE" }));
        _stub.Server.Given(Request.Create().WithPath("/v2/checkout/orders/SLOW/capture").UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(201).WithDelay(TimeSpan.FromSeconds(3)).WithBodyAsJson(PayPalStub.Captured("SLOW", "COMPLETED", "C1")));
        using var paypal = Client(timeoutSeconds: 0.5);
        Assert.Equal(ProviderOutcome.Unavailable, (await paypal.CaptureAsync("BROKEN", "r", default)).Outcome);
        Assert.Equal(ProviderOutcome.Unavailable, (await paypal.CaptureAsync("SLOW", "r", default)).Outcome);

        using var nowhere = new PayPalProvider(new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9") },
            new PayPalOptions { ClientId = "client", ClientSecret = "secret" }, TimeProvider.System, NullLogger<PayPalProvider>.Instance);
        Assert.Equal(ProviderOutcome.Unavailable, (await nowhere.CaptureAsync("X", "r", default)).Outcome);
    }

    [Fact]
    public async Task Refunds_and_payouts()
    {
        using var paypal = Client();
        var refund = await paypal.RefundAsync("3C679366HH908993F", 599m, "ord_x-refund", default);
        Assert.True(refund.Value == "1JU08902781691411", $"{refund.Outcome} {refund.Reason}");
        var refundBody = JsonDocument.Parse(_stub.Server.LogEntries.Single(e => e.RequestMessage.Path.EndsWith("/refund", StringComparison.Ordinal)).RequestMessage.Body!).RootElement;
        Assert.Equal("599.00", refundBody.GetProperty("amount").GetProperty("value").GetString());

        var payout = await paypal.PayoutAsync(new PayoutRequest("po_1", 431.18m, "payouts@example.com", "note"), default);
        Assert.Equal("5UXD2E8A7EBQJ", payout.Value!.BatchId);
        Assert.False(payout.Value.Settled);
        var item = JsonDocument.Parse(_stub.Server.LogEntries.Single(e => e.RequestMessage.Path == "/v1/payments/payouts").RequestMessage.Body!).RootElement.GetProperty("items")[0];
        Assert.Equal("431.18", item.GetProperty("amount").GetProperty("value").GetString());
        Assert.Equal("po_1", item.GetProperty("sender_item_id").GetString());
        Assert.Equal(ProviderOutcome.Declined, (await paypal.PayoutAsync(new PayoutRequest("po_2", 1m, "", "note"), default)).Outcome);
    }

    [Fact]
    public async Task Webhooks_are_genuine_only_when_paypal_verifies_them()
    {
        using var paypal = Client();
        var headers = new HeaderDictionary();
        foreach (var (k, v) in PayPalStub.SignatureHeaders) headers[k] = v;
        var verdict = await paypal.VerifyWebhookAsync(headers, PayPalStub.PayoutWebhook("po_1"), default);
        Assert.True(verdict.Genuine);
        Assert.Equal(new PayoutNotice("po_1", true, null), verdict.Payout);
        var verify = JsonDocument.Parse(_stub.Server.LogEntries.Single(e => e.RequestMessage.Path.EndsWith("verify-webhook-signature", StringComparison.Ordinal)).RequestMessage.Body!).RootElement;
        Assert.Equal("1JE4291016473214C", verify.GetProperty("webhook_id").GetString());
        Assert.Equal("SHA256withRSA", verify.GetProperty("auth_algo").GetString());
        Assert.Equal("po_1", verify.GetProperty("webhook_event").GetProperty("resource").GetProperty("payout_item").GetProperty("sender_item_id").GetString());

        Assert.False((await paypal.VerifyWebhookAsync(new HeaderDictionary(), PayPalStub.PayoutWebhook("po_1"), default)).Genuine);
        _stub.Server.Reset();
        _stub.Verification("FAILURE");
        using var fresh = Client();
        _stub.Server.Given(Request.Create().WithPath("/v1/oauth2/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { access_token = "t", token_type = "Bearer", expires_in = 3600 }));
        Assert.False((await fresh.VerifyWebhookAsync(headers, PayPalStub.PayoutWebhook("po_1"), default)).Genuine);
    }
}
