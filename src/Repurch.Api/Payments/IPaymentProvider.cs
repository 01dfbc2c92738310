namespace Repurch.Api.Payments;

/// <summary>
/// The payment service provider behind orders, refunds and payouts. Every mutating call carries a
/// request id that the provider uses to de-duplicate retries (PayPal's <c>PayPal-Request-Id</c>).
/// </summary>
public interface IPaymentProvider
{
    string Name { get; }
    Task<ProviderResult<CreatedPayment>> CreateOrderAsync(PaymentRequest request, CancellationToken ct);
    /// <returns>The capture id.</returns>
    Task<ProviderResult<string>> CaptureAsync(string providerOrderId, string requestId, CancellationToken ct);
    /// <returns>The refund id.</returns>
    Task<ProviderResult<string>> RefundAsync(string captureId, decimal amount, string requestId, CancellationToken ct);
    Task<ProviderResult<PayoutSubmission>> PayoutAsync(PayoutRequest request, CancellationToken ct);
    /// <summary>Checks an inbound webhook's signature; null when it is not genuine, else the payout it reports (if any).</summary>
    Task<WebhookVerdict> VerifyWebhookAsync(IHeaderDictionary headers, string body, CancellationToken ct);
}
