using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Disputes;

public static class DisputeMapper
{
    /// <summary>The dispute as <paramref name="side"/> sees it: the seller side sees the opening text only once delivered.</summary>
    public static DisputeView View(Dispute d, string side, DateTimeOffset now)
    {
        var seller = side == DisputeStates.SellerSide;
        return new DisputeView(d.Id, d.BrandId, d.OrderId, DisputeStates.Effective(d, now), d.Reason,
            seller && d.TextStatus != "delivered" ? null : d.Text, seller ? null : d.Text is null ? null : d.TextStatus,
            d.OpenedBy, d.OrderAmount, d.Outcome, d.AmountRefunded, d.ResolvedBy, d.ProviderDisputeId,
            DisputeStates.Escalated(d, now), DisputeStates.Overdue(d, now),
            WireFormat.Timestamp(d.SellerResponseDueAt), WireFormat.Timestamp(d.DecisionDueAt), WireFormat.Timestamp(d.SellerRespondedAt),
            WireFormat.Timestamp(d.CreatedAt), WireFormat.Timestamp(d.UpdatedAt), WireFormat.Timestamp(d.ResolvedAt));
    }

    public static DisputeEvent Event(Dispute d, DateTimeOffset now) => new(
        d.Id, d.OrderId, DisputeStates.Effective(d, now), d.Reason, d.OpenedBy, d.OrderAmount, d.Outcome, d.AmountRefunded, d.ResolvedBy, d.ProviderDisputeId,
        WireFormat.Timestamp(d.SellerResponseDueAt), WireFormat.Timestamp(d.DecisionDueAt), WireFormat.Timestamp(d.CreatedAt), WireFormat.Timestamp(d.ResolvedAt));

    public static DisputeMessageView View(DisputeMessage m) =>
        new(m.Id, m.DisputeId, m.AuthorSide, m.Text, m.Status, m.Reasons, m.PhotoIds, WireFormat.Timestamp(m.CreatedAt));
}
