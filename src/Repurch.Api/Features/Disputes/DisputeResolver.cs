using Repurch.Api.Authentication;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Audit;
using Repurch.Api.Features.Money;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Disputes;

/// <summary>
/// Resolves a dispute, for the operator's decision and PayPal's alike: the dispute row is locked (a
/// concurrent decision waits, then finds it resolved), the money moves through Money's
/// <see cref="OrderFlows"/> (ledger postings, provider refund, payout or credit), and the decision,
/// its audit entry and <c>dispute.resolved</c> commit together. A payout is sent after the commit.
/// </summary>
public sealed class DisputeResolver(OrderFlows flows, TimeProvider clock)
{
    public enum Result { Resolved, NotFound, AlreadyResolved, AmountInvalid, Declined, Unavailable, OrderStateInvalid }

    public sealed record Resolution(Result Result, Dispute? Dispute = null, string? Reason = null);

    /// <param name="db">A context of the dispute's brand, not the request's (its own transaction).</param>
    /// <param name="providerRefunded">PayPal already returned the money (its own dispute decision): only the ledger moves.</param>
    public async Task<Resolution> ResolveAsync(RepurchDb db, string disputeId, string outcome, decimal? amount, string resolvedBy,
        bool providerRefunded, Caller? caller, CancellationToken ct)
    {
        string? payoutId;
        Dispute dispute;
        await using (var work = await db.BeginOrJoinTransactionAsync(ct))
        {
            var locked = await Locks.LockRowAsync<Dispute>(db, disputeId, ct);
            if (locked is null) return new Resolution(Result.NotFound);
            dispute = locked;
            if (dispute.Status == DisputeStates.Resolved) return new Resolution(Result.AlreadyResolved, dispute);
            var before = DisputeStates.Effective(dispute, clock.GetUtcNow());
            var settlement = outcome switch
            {
                DisputeStates.Refund => await flows.RefundDisputedAsync(db, dispute.OrderId, providerRefunded, ct),
                DisputeStates.PartialRefund => await flows.PartialRefundDisputedAsync(db, dispute.OrderId, amount!.Value, providerRefunded, ct),
                _ => await flows.ReleaseDisputedAsync(db, dispute.OrderId, ct),
            };
            switch (settlement.Result)
            {
                case OrderFlows.SettlementResult.Done: break;
                case OrderFlows.SettlementResult.AmountInvalid: return new Resolution(Result.AmountInvalid, dispute);
                case OrderFlows.SettlementResult.Declined: return new Resolution(Result.Declined, dispute, settlement.Reason);
                case OrderFlows.SettlementResult.Unavailable: return new Resolution(Result.Unavailable, dispute, settlement.Reason);
                default: return new Resolution(Result.OrderStateInvalid, dispute, settlement.Order?.Status);
            }
            var now = clock.GetUtcNow();
            dispute.Status = DisputeStates.Resolved;
            dispute.Outcome = outcome;
            dispute.ResolvedBy = resolvedBy;
            dispute.AmountRefunded = outcome switch
            {
                DisputeStates.Refund => settlement.Order!.Amount,
                DisputeStates.PartialRefund => amount!.Value,
                _ => 0m,
            };
            dispute.ResolvedAt = now;
            dispute.UpdatedAt = now;
            await AuditLog.RecordForBrandAsync(db, dispute.BrandId, caller, DisputeEvents.Resolved, dispute.Id, new Dictionary<string, FieldChange>
            {
                ["status"] = new(before, DisputeStates.Resolved),
                ["outcome"] = new(null, outcome),
                ["amount_refunded_gbp"] = new(0m, dispute.AmountRefunded),
                ["resolved_by"] = new(null, resolvedBy),
                ["order_status"] = new(OrderStatus.Disputed, settlement.Order!.Status),
            }, clock, ct);
            Outbox.Emit(db, dispute.BrandId, DisputeEvents.Resolved, DisputeMapper.Event(dispute, now), clock);
            await db.SaveChangesAsync(ct);
            await work.CommitAsync(ct);
            payoutId = settlement.PayoutId;
        }
        // After the commit: a provider outage leaves the payout pending for the sweep.
        if (payoutId is not null) await flows.SendPayoutAsync(db.Plane, dispute.BrandId, payoutId, ct);
        return new Resolution(Result.Resolved, dispute);
    }
}
