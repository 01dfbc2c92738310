using System.Collections.Concurrent;

namespace Repurch.Api.Payments;

public enum ProviderOutcome
{
    Ok,
    /// <summary>The provider said no (card declined, instrument refused): final for this attempt.</summary>
    Declined,
    /// <summary>The provider could not be reached or failed (5xx, timeout): nothing is known to have happened; retry.</summary>
    Unavailable,
}

// Factories on the generic type read best at call sites (ProviderResult<string>.Declined(...)).
#pragma warning disable CA1000
public sealed record ProviderResult<T>(ProviderOutcome Outcome, T? Value, string? Reason = null)
{
    public static ProviderResult<T> Success(T value) => new(ProviderOutcome.Ok, value);
    public static ProviderResult<T> Declined(string reason) => new(ProviderOutcome.Declined, default, reason);
    public static ProviderResult<T> Unavailable(string reason) => new(ProviderOutcome.Unavailable, default, reason);
}
#pragma warning restore CA1000

/// <param name="Reference">Our order id: PayPal's <c>reference_id</c>/<c>invoice_id</c>, and the <c>PayPal-Request-Id</c> root.</param>
/// <param name="PlatformFee">Commission plus VAT plus delivery contribution: the platform's share.</param>
public sealed record PaymentRequest(string Reference, decimal Amount, decimal PlatformFee, string Description, string BuyerEmail);

public sealed record CreatedPayment(string ProviderOrderId, string? ApproveUrl);

/// <param name="Settled">True when the provider confirmed the money arrived in the same call (the fake does).</param>
public sealed record PayoutSubmission(string BatchId, bool Settled);

public sealed record PayoutRequest(string PayoutId, decimal Amount, string Receiver, string Note);

/// <summary>A payout status the provider reported through a verified webhook.</summary>
public sealed record PayoutNotice(string PayoutId, bool Succeeded, string? Reason);

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

public sealed record WebhookVerdict(bool Genuine, PayoutNotice? Payout);

/// <summary>
/// A local stand-in so a person can buy something on a laptop with no PayPal account: orders
/// capture at once, payouts settle at once. A buyer email starting with <c>decline</c> gets its
/// capture declined, so the declined path can be tried by hand too.
/// </summary>
public sealed class FakePaymentProvider : IPaymentProvider
{
    private readonly ConcurrentDictionary<string, (string Email, string? CaptureId)> _orders = new();

    public string Name => "fake";

    public Task<ProviderResult<CreatedPayment>> CreateOrderAsync(PaymentRequest request, CancellationToken ct)
    {
        var id = "FAKE-" + Guid.NewGuid().ToString("N")[..17].ToUpperInvariant();
        _orders[id] = (request.BuyerEmail, null);
        return Task.FromResult(ProviderResult<CreatedPayment>.Success(new CreatedPayment(id, null)));
    }

    public Task<ProviderResult<string>> CaptureAsync(string providerOrderId, string requestId, CancellationToken ct)
    {
        if (!_orders.TryGetValue(providerOrderId, out var order))
            // A restart forgets fake orders: treat an unknown one as approved, so ./run keeps working.
            order = ("", null);
        if (order.Email.StartsWith("decline", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(ProviderResult<string>.Declined("INSTRUMENT_DECLINED"));
        var capture = order.CaptureId ?? "FAKECAP-" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();
        _orders[providerOrderId] = (order.Email, capture);
        return Task.FromResult(ProviderResult<string>.Success(capture));
    }

    public Task<ProviderResult<string>> RefundAsync(string captureId, decimal amount, string requestId, CancellationToken ct) =>
        Task.FromResult(ProviderResult<string>.Success("FAKEREF-" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant()));

    public Task<ProviderResult<PayoutSubmission>> PayoutAsync(PayoutRequest request, CancellationToken ct) =>
        Task.FromResult(ProviderResult<PayoutSubmission>.Success(new PayoutSubmission("FAKEBATCH-" + request.PayoutId, Settled: true)));

    public Task<WebhookVerdict> VerifyWebhookAsync(IHeaderDictionary headers, string body, CancellationToken ct) =>
        Task.FromResult(new WebhookVerdict(false, null));
}
