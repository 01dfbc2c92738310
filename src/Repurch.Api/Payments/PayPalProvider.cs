using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Repurch.Api.Payments;

/// <summary>
/// PayPal's REST API: OAuth2 client credentials, Orders v2 (create with the platform fee, capture),
/// Payments v2 refunds, Payouts v1, and webhook signature verification through PayPal's
/// <c>verify-webhook-signature</c> call. Every mutation sends <c>PayPal-Request-Id</c>, so a retry of
/// the same operation is answered with PayPal's first result instead of acting twice. A 5xx, a
/// timeout or an unreachable host is <see cref="ProviderOutcome.Unavailable"/>; a 4xx is PayPal's
/// final answer (<see cref="ProviderOutcome.Declined"/> with its issue code).
/// </summary>
public sealed class PayPalProvider(HttpClient http, PayPalOptions options, TimeProvider clock, ILogger<PayPalProvider> log) : IPaymentProvider, IDisposable
{
    public void Dispose() => _tokenLock.Dispose();

    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private string? _token;
    private DateTimeOffset _tokenExpires;

    public string Name => "paypal";

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static JsonObject Amount(decimal value) => new() { ["currency_code"] = "GBP", ["value"] = Money(value) };

    public async Task<ProviderResult<CreatedPayment>> CreateOrderAsync(PaymentRequest request, CancellationToken ct)
    {
        var unit = new JsonObject
        {
            ["reference_id"] = request.Reference,
            ["invoice_id"] = request.Reference,
            ["description"] = request.Description.Length > 127 ? request.Description[..127] : request.Description,
            ["amount"] = Amount(request.Amount),
            ["payment_instruction"] = new JsonObject
            {
                ["disbursement_mode"] = "INSTANT",
                ["platform_fees"] = new JsonArray(new JsonObject { ["amount"] = Amount(request.PlatformFee) }),
            },
        };
        if (!string.IsNullOrEmpty(options.PayeeMerchantId)) unit["payee"] = new JsonObject { ["merchant_id"] = options.PayeeMerchantId };
        var body = new JsonObject { ["intent"] = "CAPTURE", ["purchase_units"] = new JsonArray(unit) };
        var (outcome, json, reason) = await SendAsync(HttpMethod.Post, "/v2/checkout/orders", body, $"{request.Reference}-create", ct);
        if (outcome != ProviderOutcome.Ok) return new(outcome, null, reason);
        var id = json!["id"]?.GetValue<string>();
        if (id is null) return ProviderResult<CreatedPayment>.Unavailable("PayPal answered without an order id");
        var approve = json["links"]?.AsArray().FirstOrDefault(l => l?["rel"]?.GetValue<string>() is "approve" or "payer-action")?["href"]?.GetValue<string>();
        return ProviderResult<CreatedPayment>.Success(new CreatedPayment(id, approve));
    }

    public async Task<ProviderResult<string>> CaptureAsync(string providerOrderId, string requestId, CancellationToken ct)
    {
        var (outcome, json, reason) = await SendAsync(HttpMethod.Post, $"/v2/checkout/orders/{Uri.EscapeDataString(providerOrderId)}/capture", new JsonObject(), requestId, ct);
        if (outcome != ProviderOutcome.Ok) return new(outcome, null, reason);
        var capture = json!["purchase_units"]?[0]?["payments"]?["captures"]?[0];
        var status = capture?["status"]?.GetValue<string>();
        var id = capture?["id"]?.GetValue<string>();
        if (status is "DECLINED" or "FAILED") return ProviderResult<string>.Declined($"CAPTURE_{status}");
        if (id is null || status is null) return ProviderResult<string>.Unavailable("PayPal answered without a capture");
        // PENDING captures (e.g. eCheck) still hold the buyer's money for us; they complete later.
        return ProviderResult<string>.Success(id);
    }

    public async Task<ProviderResult<string>> RefundAsync(string captureId, decimal amount, string requestId, CancellationToken ct)
    {
        var body = new JsonObject { ["amount"] = Amount(amount) };
        var (outcome, json, reason) = await SendAsync(HttpMethod.Post, $"/v2/payments/captures/{Uri.EscapeDataString(captureId)}/refund", body, requestId, ct);
        if (outcome != ProviderOutcome.Ok) return new(outcome, null, reason);
        var status = json!["status"]?.GetValue<string>();
        if (status is "FAILED" or "CANCELLED") return ProviderResult<string>.Declined($"REFUND_{status}");
        return json["id"]?.GetValue<string>() is { } id ? ProviderResult<string>.Success(id) : ProviderResult<string>.Unavailable("PayPal answered without a refund id");
    }

    public async Task<ProviderResult<PayoutSubmission>> PayoutAsync(PayoutRequest request, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.Receiver)) return ProviderResult<PayoutSubmission>.Declined("RECEIVER_MISSING: set the brand's billing invoice_email");
        var body = new JsonObject
        {
            ["sender_batch_header"] = new JsonObject { ["sender_batch_id"] = request.PayoutId, ["email_subject"] = "You have a payout from Repurch" },
            ["items"] = new JsonArray(new JsonObject
            {
                ["recipient_type"] = "EMAIL",
                ["amount"] = new JsonObject { ["value"] = Money(request.Amount), ["currency"] = "GBP" },
                ["receiver"] = request.Receiver,
                ["note"] = request.Note,
                ["sender_item_id"] = request.PayoutId,
            }),
        };
        var (outcome, json, reason) = await SendAsync(HttpMethod.Post, "/v1/payments/payouts", body, $"{request.PayoutId}-payout", ct);
        if (outcome != ProviderOutcome.Ok) return new(outcome, null, reason);
        var header = json!["batch_header"];
        var batch = header?["payout_batch_id"]?.GetValue<string>();
        if (batch is null) return ProviderResult<PayoutSubmission>.Unavailable("PayPal answered without a payout batch id");
        // Settlement arrives later through the PAYMENT.PAYOUTS-ITEM.* webhooks.
        return ProviderResult<PayoutSubmission>.Success(new PayoutSubmission(batch, Settled: false));
    }

    public async Task<WebhookVerdict> VerifyWebhookAsync(IHeaderDictionary headers, string body, CancellationToken ct)
    {
        string H(string name) => headers[name].ToString();
        JsonNode? evt;
        try { evt = JsonNode.Parse(body); }
        catch (JsonException) { return new WebhookVerdict(false, null); }
        if (evt is not JsonObject || string.IsNullOrEmpty(H("PAYPAL-TRANSMISSION-SIG")) || string.IsNullOrEmpty(options.WebhookId))
            return new WebhookVerdict(false, null);
        var request = new JsonObject
        {
            ["auth_algo"] = H("PAYPAL-AUTH-ALGO"),
            ["cert_url"] = H("PAYPAL-CERT-URL"),
            ["transmission_id"] = H("PAYPAL-TRANSMISSION-ID"),
            ["transmission_sig"] = H("PAYPAL-TRANSMISSION-SIG"),
            ["transmission_time"] = H("PAYPAL-TRANSMISSION-TIME"),
            ["webhook_id"] = options.WebhookId,
            ["webhook_event"] = evt.DeepClone(),
        };
        var (outcome, json, _) = await SendAsync(HttpMethod.Post, "/v1/notifications/verify-webhook-signature", request, null, ct);
        if (outcome != ProviderOutcome.Ok || json?["verification_status"]?.GetValue<string>() != "SUCCESS") return new WebhookVerdict(false, null);

        var type = evt["event_type"]?.GetValue<string>();
        var resource = evt["resource"];
        var payoutId = resource?["payout_item"]?["sender_item_id"]?.GetValue<string>();
        var notice = (type, payoutId) switch
        {
            ("PAYMENT.PAYOUTS-ITEM.SUCCEEDED", { } id) => new PayoutNotice(id, true, null),
            ("PAYMENT.PAYOUTS-ITEM.FAILED" or "PAYMENT.PAYOUTS-ITEM.RETURNED" or "PAYMENT.PAYOUTS-ITEM.DENIED" or "PAYMENT.PAYOUTS-ITEM.BLOCKED" or "PAYMENT.PAYOUTS-ITEM.REFUNDED", { } id) =>
                new PayoutNotice(id, false, $"{type}: {resource?["transaction_status"]?.GetValue<string>()}"),
            _ => null,
        };
        return new WebhookVerdict(true, notice, type is "CUSTOMER.DISPUTE.CREATED" or "CUSTOMER.DISPUTE.RESOLVED" ? Dispute(type, resource) : null);
    }

    /// <summary>
    /// A dispute event's resource (PayPal's dispute object): <c>dispute_id</c>, the capture in
    /// <c>disputed_transactions[].seller_transaction_id</c>, <c>reason</c> and, once resolved,
    /// <c>dispute_outcome.outcome_code</c> and <c>dispute_outcome.amount_refunded.value</c>. Null when a field we need is missing.
    /// </summary>
    private static DisputeNotice? Dispute(string type, JsonNode? resource)
    {
        static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length is > 0 and <= 64 ? s : null;
        var id = Text(resource?["dispute_id"]);
        var capture = resource?["disputed_transactions"] is JsonArray transactions
            ? transactions.Select(t => Text(t?["seller_transaction_id"])).FirstOrDefault(c => c is not null)
            : null;
        if (id is null || capture is null) return null;
        var outcome = resource?["dispute_outcome"];
        decimal? refunded = Text(outcome?["amount_refunded"]?["value"]) is { } value
            && decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount : null;
        return new DisputeNotice(type == "CUSTOMER.DISPUTE.RESOLVED", id, capture, Text(resource?["reason"]), Text(outcome?["outcome_code"]), refunded);
    }

    private async Task<(ProviderOutcome, JsonNode?, string?)> SendAsync(HttpMethod method, string path, JsonNode body, string? requestId, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            var token = await TokenAsync(timeout.Token);
            if (token is null) return (ProviderOutcome.Unavailable, null, "PayPal OAuth token request failed");
            using var request = new HttpRequestMessage(method, path)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("Prefer", "return=representation");
            if (requestId is not null) request.Headers.Add("PayPal-Request-Id", requestId);
            using var response = await http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.StatusCode == HttpStatusCode.Unauthorized) _token = null;
            if ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests)
            {
                log.LogWarning("PayPal {Method} {Path}: {Status}", method, path, (int)response.StatusCode);
                return (ProviderOutcome.Unavailable, null, $"PayPal answered {(int)response.StatusCode}");
            }
            JsonNode? json = null;
            try { json = text.Length > 0 ? JsonNode.Parse(text) : null; }
            catch (JsonException) { }
            if (!response.IsSuccessStatusCode)
            {
                // PayPal's error shape: {name, message, details: [{issue, description}]}.
                var issue = json?["details"]?[0]?["issue"]?.GetValue<string>() ?? json?["name"]?.GetValue<string>() ?? $"HTTP_{(int)response.StatusCode}";
                return (ProviderOutcome.Declined, json, issue);
            }
            return json is null ? (ProviderOutcome.Unavailable, null, "PayPal answered with no JSON body") : (ProviderOutcome.Ok, json, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("PayPal {Method} {Path} timed out", method, path);
            return (ProviderOutcome.Unavailable, null, "PayPal timed out");
        }
        catch (HttpRequestException e)
        {
            log.LogWarning("PayPal {Method} {Path} failed: {Error}", method, path, e.Message);
            return (ProviderOutcome.Unavailable, null, "PayPal unreachable");
        }
    }

    private async Task<string?> TokenAsync(CancellationToken ct)
    {
        if (_token is { } cached && clock.GetUtcNow() < _tokenExpires) return cached;
        await _tokenLock.WaitAsync(ct);
        try
        {
            if (_token is { } again && clock.GetUtcNow() < _tokenExpires) return again;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/oauth2/token")
            {
                Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}")));
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) return null;
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
            var token = json?["access_token"]?.GetValue<string>();
            var expires = json?["expires_in"]?.GetValue<int>() ?? 0;
            if (token is null) return null;
            _token = token;
            // Renew a minute early so a token never expires mid-request.
            _tokenExpires = clock.GetUtcNow().AddSeconds(Math.Max(0, expires - 60));
            return token;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            _tokenLock.Release();
        }
    }
}
