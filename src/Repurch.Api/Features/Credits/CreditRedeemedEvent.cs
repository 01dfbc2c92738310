namespace Repurch.Api.Features.Credits;

public sealed record CreditRedeemedEvent(string RedemptionId, string CodeId, decimal AmountGbp, string OrderReference, string RedeemedAt);
