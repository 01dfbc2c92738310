using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Repurch.Api.Tests.Money;

/// <summary>A local stand-in for PayPal's REST API answering with its documented shapes.</summary>
public sealed class PayPalStub : IDisposable
{
    public WireMockServer Server { get; } = WireMockServer.Start();
    public string Url => Server.Url!;

    public PayPalStub()
    {
        Server.Given(Request.Create().WithPath("/v1/oauth2/token").UsingPost().WithHeader("Authorization", "Basic Y2xpZW50OnNlY3JldA=="))
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
            {
                scope = "https://uri.paypal.com/services/payments/payment", access_token = "A21AAFEpH4PsADK7qSS7pSRsgzfENtu-Q1ysgEDVDESseMHBYXVJYE8ovjj68elIDy8nF26AwPhfXTIeWAZHSLIsQkSYz9ifg",
                token_type = "Bearer", app_id = "APP-80W284485P519543T", expires_in = 31668, nonce = "2020-04-03T15:35:36ZaYZlGvEkV4yVSz8g6bAKFoGSEzuy3CQcz3ljhibkOHg",
            }));
        StubCreate();
        StubCapture("*", "COMPLETED", "3C679366HH908993F");
        Server.Given(Request.Create().WithPath("/v2/payments/captures/*/refund").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { id = "1JU08902781691411", status = "COMPLETED", links = Array.Empty<object>() }));
        Server.Given(Request.Create().WithPath("/v1/payments/payouts").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new
            {
                batch_header = new { sender_batch_header = new { sender_batch_id = "x", email_subject = "You have a payout" }, payout_batch_id = "5UXD2E8A7EBQJ", batch_status = "PENDING" },
            }));
        Verification("SUCCESS");
    }

    public void StubCreate(string orderId = "5O190127TN364715T") =>
        Server.Given(Request.Create().WithPath("/v2/checkout/orders").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new
            {
                id = orderId, status = "CREATED",
                links = new object[]
                {
                    new { href = $"https://api-m.sandbox.paypal.com/v2/checkout/orders/{orderId}", rel = "self", method = "GET" },
                    new { href = $"https://www.sandbox.paypal.com/checkoutnow?token={orderId}", rel = "approve", method = "GET" },
                    new { href = $"https://api-m.sandbox.paypal.com/v2/checkout/orders/{orderId}/capture", rel = "capture", method = "POST" },
                },
            }));

    public static object Captured(string orderId, string status, string captureId) => new
    {
        id = orderId, status = "COMPLETED",
        purchase_units = new[]
        {
            new
            {
                reference_id = "default",
                payments = new
                {
                    captures = new[]
                    {
                        new
                        {
                            id = captureId, status, amount = new { currency_code = "GBP", value = "599.00" }, final_capture = true,
                            seller_receivable_breakdown = new
                            {
                                gross_amount = new { currency_code = "GBP", value = "599.00" },
                                paypal_fee = new { currency_code = "GBP", value = "17.32" },
                                platform_fees = new[] { new { amount = new { currency_code = "GBP", value = "167.82" }, payee = new { merchant_id = "7XMHQ6UHQVT2E" } } },
                                net_amount = new { currency_code = "GBP", value = "413.86" },
                            },
                        },
                    },
                },
            },
        },
    };

    // WireMock picks the lowest priority number: the catch-all answer comes last.
    public void StubCapture(string orderId, string status, string captureId, int http = 201) =>
        Server.Given(Request.Create().WithPath($"/v2/checkout/orders/{orderId}/capture").UsingPost()).AtPriority(orderId == "*" ? 100 : 1)
            .RespondWith(Response.Create().WithStatusCode(http).WithBodyAsJson(Captured(orderId == "*" ? "5O190127TN364715T" : orderId, status, captureId)));

    public void Verification(string status) =>
        Server.Given(Request.Create().WithPath("/v1/notifications/verify-webhook-signature").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { verification_status = status }));

    public static object DeclinedBody => new
    {
        name = "UNPROCESSABLE_ENTITY",
        details = new[] { new { issue = "INSTRUMENT_DECLINED", description = "The instrument presented  was either declined by the processor or bank, or it can't be used for this payment." } },
        message = "The requested action could not be performed, semantically incorrect, or failed business validation.",
        debug_id = "c9a75b43fc807",
    };

    public static string PayoutWebhook(string payoutId, string type = "PAYMENT.PAYOUTS-ITEM.SUCCEEDED") => System.Text.Json.JsonSerializer.Serialize(new
    {
        id = "WH-7Y7254563A4550640-11V2185806837105M", event_version = "1.0", create_time = "2026-11-25T10:00:00Z",
        resource_type = "payouts_item", event_type = type, summary = "A payout item has succeeded",
        resource = new
        {
            payout_item_id = "8AELMXH8UB2P8", transaction_id = "0C413693MN970190K", transaction_status = type.EndsWith("SUCCEEDED", StringComparison.Ordinal) ? "SUCCESS" : "FAILED",
            payout_batch_id = "5UXD2E8A7EBQJ",
            payout_item = new { recipient_type = "EMAIL", amount = new { value = "431.18", currency = "GBP" }, receiver = "payouts@example.com", sender_item_id = payoutId },
        },
    });

    public static Dictionary<string, string> SignatureHeaders => new()
    {
        ["PAYPAL-TRANSMISSION-ID"] = "69cd13f0-d67a-11e5-baa3-778b53f4ae55",
        ["PAYPAL-TRANSMISSION-TIME"] = "2026-11-25T10:00:01Z",
        ["PAYPAL-TRANSMISSION-SIG"] = "lmI95Jx3Y9nhR5SJWlHVIWpg4AgFk7n9bCHSRxbrd8A9zrhdu2rMyFrmz+Zjh3s3boXB07VXCXUZy/UFzUlnGJn0wDugt7FlSvdKeIJenLRemUxYCPVoEZzg9VFNqOa48gMkvF+XTpxBeUx/kWy6B5cp7GkT2+pOowfRK7OaynuxUoKW3JcMWw272VKjLTtTAShncla7tGF+55rxyt2KNZIIqxNMJ48RDZheGU5w1npu9dZHnPgTXB9iomeVRoD8O/jhRpnKsGrDschyNdkeh81BJJMH4Ctc6lnCCquoP/GzCzz33MMsNdid7vL/NIWaCsekQpW26FpWPi/tfj8nLA==",
        ["PAYPAL-CERT-URL"] = "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270",
        ["PAYPAL-AUTH-ALGO"] = "SHA256withRSA",
    };

    public void Dispose() => Server.Stop();
}
