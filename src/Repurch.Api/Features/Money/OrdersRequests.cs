namespace Repurch.Api.Features.Money;

/// <summary>Documentation shape of <c>POST /v1/marketplace/orders</c>.</summary>
public sealed record OrderCreate(long ListingId, int? Quantity, OrderBuyer Buyer);

/// <summary>Documentation shape of <c>POST /v1/me/orders</c> (the buyer is the signed-in account).</summary>
public sealed record BuyerOrderCreate(long ListingId, int? Quantity);
