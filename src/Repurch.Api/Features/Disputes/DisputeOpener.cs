using Repurch.Api.Authentication;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Audit;
using Repurch.Api.Features.Money;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Disputes;

/// <summary>
/// Opens a dispute on a paid order, for the buyer's request and for PayPal's webhook alike: the
/// order moves to <c>disputed</c> (escrow held), the dispute, its audit entry and <c>dispute.opened</c>
/// are written in one transaction. The order row is locked first, so of two concurrent opens one
/// wins and the other sees the order already disputed.
/// </summary>
public sealed class DisputeOpener(TimeProvider clock)
{
    public enum Result { Opened, OrderNotFound, NotDisputable, AlreadyOpen }

    public sealed record Request(string OrderId, string OpenedBy, string Reason, string? Text, string TextStatus, string[] TextReasons,
        string? ProviderDisputeId, Caller? Caller, Func<Order, bool>? MayOpen = null);

    public sealed record Opened(Result Result, Dispute? Dispute = null, Order? Order = null);

    public async Task<Opened> OpenAsync(RepurchDb db, Request request, CancellationToken ct)
    {
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        var (order, held) = await OrderFlows.HoldForDisputeAsync(db, request.OrderId, ct);
        // Another buyer's order reads as missing: nothing tells them it exists.
        if (order is null || (request.MayOpen is { } may && !may(order))) return new Opened(Result.OrderNotFound);
        if (!held) return new Opened(order.Status == OrderStatus.Disputed ? Result.AlreadyOpen : Result.NotDisputable, null, order);
        var now = clock.GetUtcNow();
        var dispute = new Dispute
        {
            Id = PublicIds.New("dsp_"), BrandId = order.BrandId, OrderId = order.Id, OpenedBy = request.OpenedBy,
            BuyerAccountId = BuyerOf(order), Reason = request.Reason, Text = request.Text, TextStatus = request.TextStatus, TextReasons = request.TextReasons,
            Status = DisputeStates.AwaitingSeller, OrderAmount = order.Amount, ProviderDisputeId = request.ProviderDisputeId,
            CreatedAt = now, UpdatedAt = now,
            SellerResponseDueAt = now.AddDays(DisputeStates.SellerResponseDays), DecisionDueAt = now.AddDays(DisputeStates.DecisionDays),
        };
        db.Disputes.Add(dispute);
        await AuditLog.RecordForBrandAsync(db, order.BrandId, request.Caller, DisputeEvents.Opened, dispute.Id, new Dictionary<string, FieldChange>
        {
            ["order_id"] = new(null, order.Id),
            ["status"] = new(null, dispute.Status),
            ["reason"] = new(null, dispute.Reason),
            ["opened_by"] = new(null, dispute.OpenedBy),
            ["text_status"] = new(null, dispute.Text is null ? null : dispute.TextStatus),
            ["order_status"] = new(OrderStatus.Paid, OrderStatus.Disputed),
        }, clock, ct);
        Outbox.Emit(db, order.BrandId, DisputeEvents.Opened, DisputeMapper.Event(dispute, now), clock);
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return new Opened(Result.Opened, dispute, order);
    }

    /// <summary>The order's signed-in buyer (null for a guest checkout).</summary>
    private static string? BuyerOf(Order order) => order.BuyerAccountId;
}
