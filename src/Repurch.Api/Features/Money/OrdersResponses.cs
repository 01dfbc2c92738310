using Repurch.Api.Http;

namespace Repurch.Api.Features.Money;

public sealed record OrderBuyer(string Email, string Name);

public sealed record OrderPayment(string Provider, string? ProviderOrderId, string? ApproveUrl, string? CaptureId, string? RefundId);

public sealed record OrderView(
    string Id, string Status, long ListingId, string BrandId, string ListingTitle, int Quantity, OrderBuyer Buyer,
    decimal UnitPriceGbp, decimal AmountGbp, decimal CommissionGbp, decimal VatGbp, decimal DeliveryContributionGbp, decimal PayoutGbp,
    OrderPayment Payment, string CreatedAt, string? PaidAt, string? ReleaseDueAt, string? CompletedAt, string? RefundedAt, string? CancelledAt,
    decimal RefundedGbp);

public sealed record BuyerOrdersPage(IReadOnlyList<OrderView> Data, ListMeta Meta);

public sealed record BrandOrdersPage(IReadOnlyList<OrderView> Data, ListMeta Meta);
