namespace Repurch.Api.Features.Money;

public sealed record ListingSoldEvent(long ListingId, string OrderId, int Quantity, decimal AmountGbp, int QuantityRemaining, bool SoldOut, string SoldAt);
