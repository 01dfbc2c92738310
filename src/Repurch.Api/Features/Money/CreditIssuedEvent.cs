namespace Repurch.Api.Features.Money;

public sealed record CreditIssuedEvent(string Id, long SellerId, string OrderId, decimal AmountGbp, string CodeHint, string IssuedAt, string ExpiresAt);
