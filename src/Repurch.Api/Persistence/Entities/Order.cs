namespace Repurch.Api.Persistence;

public sealed class Order
{
    public required string Id { get; set; }
    /// <summary>The listing's brand: the order lives under that brand's row-level security scope.</summary>
    public required string BrandId { get; set; }
    /// <summary>The marketplace brand whose storefront key placed the order (it may read the order back).</summary>
    public required string MarketplaceBrandId { get; set; }
    public long ListingId { get; set; }
    public required string ListingTitle { get; set; }
    public required string Channel { get; set; }
    public required string OwnerType { get; set; }
    public long? SellerId { get; set; }
    public int Quantity { get; set; }
    /// <summary>The signed-in buyer's account (<c>POST /v1/me/orders</c>); null for a guest checkout.</summary>
    public string? BuyerAccountId { get; set; }
    public required string BuyerEmail { get; set; }
    public required string BuyerName { get; set; }
    public required string Status { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Amount { get; set; }
    public decimal Commission { get; set; }
    public decimal Vat { get; set; }
    public decimal DeliveryContribution { get; set; }
    public decimal Payout { get; set; }
    public required string PaymentProvider { get; set; }
    public string? ProviderOrderId { get; set; }
    public string? ProviderCaptureId { get; set; }
    public string? ProviderRefundId { get; set; }
    public string? ApproveUrl { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public DateTimeOffset? ReleaseDueAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? RefundedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
}
