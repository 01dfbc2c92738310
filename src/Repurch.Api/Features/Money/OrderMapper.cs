using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

/// <summary>An order and a payout as every reader shows them (REST and GraphQL alike).</summary>
public static class OrderMapper
{
    public static OrderView View(Order o) => new(
        o.Id, o.Status, o.ListingId, o.BrandId, o.ListingTitle, o.Quantity, new OrderBuyer(o.BuyerEmail, o.BuyerName),
        o.UnitPrice, o.Amount, o.Commission, o.Vat, o.DeliveryContribution, o.Payout,
        new OrderPayment(o.PaymentProvider, o.ProviderOrderId, o.ApproveUrl, o.ProviderCaptureId, o.ProviderRefundId),
        WireFormat.Timestamp(o.CreatedAt), WireFormat.Timestamp(o.PaidAt), WireFormat.Timestamp(o.ReleaseDueAt), WireFormat.Timestamp(o.CompletedAt), WireFormat.Timestamp(o.RefundedAt), WireFormat.Timestamp(o.CancelledAt),
        o.Status == OrderStatus.Refunded ? o.Amount : o.RefundedAmount);

    public static PayoutView Payout(Payout p) => new(p.Id, p.OrderId, p.Amount, p.Status, p.ProviderBatchId, p.FailureReason,
        WireFormat.Timestamp(p.CreatedAt), WireFormat.Timestamp(p.SentAt), WireFormat.Timestamp(p.SettledAt));
}
