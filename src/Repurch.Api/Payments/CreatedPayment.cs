namespace Repurch.Api.Payments;

public sealed record CreatedPayment(string ProviderOrderId, string? ApproveUrl);
