namespace Repurch.Api.Features.Money;

public sealed record PayoutSettledEvent(string Id, string OrderId, decimal AmountGbp, string Status, string? ProviderBatchId, string SettledAt);
