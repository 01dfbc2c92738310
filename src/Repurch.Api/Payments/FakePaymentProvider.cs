using System.Collections.Concurrent;

namespace Repurch.Api.Payments;

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
