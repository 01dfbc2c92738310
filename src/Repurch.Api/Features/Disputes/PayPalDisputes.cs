using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repurch.Api.Features.Audit;
using Repurch.Api.Features.Money;
using Repurch.Api.Payments;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Disputes;

/// <summary>
/// PayPal's dispute webhooks (already verified by Money's receiver): <c>CUSTOMER.DISPUTE.CREATED</c>
/// opens the order's dispute or links the buyer's open one; <c>CUSTOMER.DISPUTE.RESOLVED</c> resolves it
/// with PayPal's outcome. Repeats change nothing: a dispute id already linked is not opened again, and a
/// resolved dispute is not resolved again.
/// </summary>
public sealed class PayPalDisputes(DataPlanes planes, DisputeOpener opener, DisputeResolver resolver, TimeProvider clock, ILogger<PayPalDisputes> log) : IDisputeNotices
{
    public async Task<bool> ApplyAsync(Plane plane, string brandId, string orderId, DisputeNotice notice, CancellationToken ct)
    {
        await using var db = planes.Open(plane, brandId);
        try
        {
            var dispute = await FindOrOpenAsync(db, orderId, notice, ct);
            if (dispute is null) return false;
            if (!notice.Resolved) return dispute.Changed;
            if (Outcome(notice, dispute.Dispute.OrderAmount) is not { } decided) return dispute.Changed;
            var (outcome, amount) = decided;
            var resolved = await resolver.ResolveAsync(db, dispute.Dispute.Id, outcome, amount, DisputeStates.PayPal, providerRefunded: true, null, ct);
            if (resolved.Result is not (DisputeResolver.Result.Resolved or DisputeResolver.Result.AlreadyResolved))
                log.LogWarning("PayPal dispute {Dispute} on order {Order} not applied: {Result}", notice.ProviderDisputeId, orderId, resolved.Result);
            return resolved.Result == DisputeResolver.Result.Resolved || dispute.Changed;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent delivery of the same notice got there first.
            return false;
        }
    }

    private sealed record Found(Dispute Dispute, bool Changed);

    /// <summary>The dispute PayPal's id names, else the order's open one (linked now), else a new one if the order is paid.</summary>
    private async Task<Found?> FindOrOpenAsync(RepurchDb db, string orderId, DisputeNotice notice, CancellationToken ct)
    {
        var linked = await db.Disputes.FirstOrDefaultAsync(d => d.ProviderDisputeId == notice.ProviderDisputeId, ct);
        if (linked is not null) return new Found(linked, false);
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        var open = await Locks.LockRows<Dispute>(db, $"order_id = {orderId} AND status <> 'resolved'").AsTracking().FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            // The buyer opened it with us first; PayPal's case is the same dispute.
            if (open.ProviderDisputeId is not null) return new Found(open, false);
            open.ProviderDisputeId = notice.ProviderDisputeId;
            open.UpdatedAt = clock.GetUtcNow();
            await AuditLog.RecordForBrandAsync(db, open.BrandId, null, DisputeEvents.Linked, open.Id,
                new Dictionary<string, FieldChange> { ["provider_dispute_id"] = new(null, notice.ProviderDisputeId) }, clock, ct);
            await db.SaveChangesAsync(ct);
            await work.CommitAsync(ct);
            return new Found(open, true);
        }
        await work.CommitAsync(ct);
        var opened = await opener.OpenAsync(db, new DisputeOpener.Request(orderId, DisputeStates.PayPal, DisputeStates.FromPayPalReason(notice.Reason),
            null, "delivered", [], notice.ProviderDisputeId, null), ct);
        if (opened.Result != DisputeOpener.Result.Opened)
        {
            // Released, refunded or never paid: escrow no longer holds the money, so there is nothing to hold.
            log.LogWarning("PayPal dispute {Dispute} names order {Order}, which cannot be disputed ({Result}, {Status})",
                notice.ProviderDisputeId, orderId, opened.Result, opened.Order?.Status);
            return null;
        }
        return new Found(opened.Dispute!, true);
    }

    /// <summary>PayPal's <c>outcome_code</c> as our outcome; null for codes that decide nothing (<c>NONE</c>, unknown).</summary>
    public static (string Outcome, decimal? Amount)? Outcome(DisputeNotice notice, decimal orderAmount) => notice.OutcomeCode switch
    {
        "RESOLVED_BUYER_FAVOUR" or "ACCEPTED" => notice.AmountRefunded is { } r && r > 0 && r < orderAmount && decimal.Round(r, 2) == r
            ? (DisputeStates.PartialRefund, r)
            : (DisputeStates.Refund, null),
        "RESOLVED_SELLER_FAVOUR" or "RESOLVED_WITH_PAYOUT" or "CANCELED_BY_BUYER" or "DENIED" => (DisputeStates.Release, null),
        _ => null,
    };
}
