using Microsoft.EntityFrameworkCore;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Listings;
using Repurch.Api.Http;
using Repurch.Api.Payments;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

/// <summary>
/// State changes of a paid order that run both from requests and from the background sweep: release
/// of escrow (issuing a credit code for a consumer's trade-in, or queueing a payout to the partner)
/// and sending and settling payouts. Each runs in a context scoped to the order's brand.
/// </summary>
public sealed class OrderFlows(DataPlanes planes, IPaymentProvider provider, ICreditIssuer credits, TimeProvider clock, ILogger<OrderFlows> log)
{

    public static Task<Order?> LockAsync(RepurchDb db, string id, CancellationToken ct) =>
        Locks.LockRowAsync<Order>(db, id, ct);

    public sealed record Released(Order Order, string? PayoutId, string? CreditCodeId);

    /// <summary>
    /// Releases a paid order's escrow: completed, the release posting, then either a credit code (a
    /// consumer seller's trade-in) or a pending payout (the partner's own stock). Null when the order
    /// is not in <c>paid</c> (already released, refunded, ...).
    /// </summary>
    public async Task<Released?> ReleaseAsync(RepurchDb db, string orderId, CancellationToken ct)
    {
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        var order = await LockAsync(db, orderId, ct);
        if (order is null || order.Status != OrderStatus.Paid) return null;
        var released = Release(db, order, OrderStatus.Completed, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return released;
    }

    /// <summary>The release posting and the seller side's payout or credit code, for a locked order (the caller saves).</summary>
    private Released Release(RepurchDb db, Order order, string finalStatus, DateTimeOffset now)
    {
        order.Status = finalStatus;
        order.CompletedAt = now;
        Ledger.Released(order).AddTo(db, order.BrandId, now);

        string? payoutId = null, codeId = null;
        if (order.OwnerType == "seller" && order.SellerId is { } sellerId && order.Payout > 0)
        {
            codeId = credits.Issue(db, order, sellerId, now);
        }
        else if (order.Payout > 0)
        {
            payoutId = PublicIds.New("po_");
            db.Payouts.Add(new Payout { Id = payoutId, BrandId = order.BrandId, OrderId = order.Id, Amount = order.Payout, Status = "pending", CreatedAt = now });
        }
        return new Released(order, payoutId, codeId);
    }

    /// <summary>
    /// Moves a paid order to <c>disputed</c> inside the caller's transaction (the row stays locked until it
    /// ends): escrow is held and the sweep no longer releases it. <c>Held</c> is false when the order is
    /// not <c>paid</c> (the caller reads <c>Order.Status</c>); the order is null when the context cannot see it.
    /// </summary>
    public static async Task<(Order? Order, bool Held)> HoldForDisputeAsync(RepurchDb db, string orderId, CancellationToken ct)
    {
        var order = await LockAsync(db, orderId, ct);
        if (order is null || order.Status != OrderStatus.Paid) return (order, false);
        order.Status = OrderStatus.Disputed;
        return (order, true);
    }

    public enum SettlementResult { Done, NotDisputed, AmountInvalid, Declined, Unavailable }

    /// <summary>How a dispute's money moved; <see cref="PayoutId"/> is to be sent once the caller has committed.</summary>
    public sealed record Settlement(SettlementResult Result, Order? Order = null, string? Reason = null, string? PayoutId = null);

    /// <summary>
    /// A disputed order refunded in full (<c>refunded</c>). With <paramref name="providerRefunded"/> the
    /// provider already returned the money itself (PayPal resolved the dispute for the buyer), so only
    /// the ledger moves; otherwise the provider is asked to refund, as the refund endpoint does.
    /// Runs inside the caller's transaction (joined) and saves; the caller commits.
    /// </summary>
    public async Task<Settlement> RefundDisputedAsync(RepurchDb db, string orderId, bool providerRefunded, CancellationToken ct) =>
        await SettleAsync(db, orderId, null, providerRefunded, ct);

    /// <summary>
    /// A disputed order's escrow split: <paramref name="amount"/> (more than 0, less than the order amount)
    /// refunded to the buyer and the rest released (<c>partially_refunded</c>). Commission and the VAT on it
    /// are pro rata of what the seller side keeps; the delivery contribution is whole (the delivery was made);
    /// the payout (or a consumer seller's credit) is the rest.
    /// </summary>
    public async Task<Settlement> PartialRefundDisputedAsync(RepurchDb db, string orderId, decimal amount, bool providerRefunded, CancellationToken ct) =>
        await SettleAsync(db, orderId, amount, providerRefunded, ct);

    /// <summary>A disputed order released to the seller side as if the buyer had confirmed receipt (<c>completed</c>).</summary>
    public async Task<Settlement> ReleaseDisputedAsync(RepurchDb db, string orderId, CancellationToken ct)
    {
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        var order = await LockAsync(db, orderId, ct);
        if (order is null || order.Status != OrderStatus.Disputed) return new Settlement(SettlementResult.NotDisputed, order);
        var released = Release(db, order, OrderStatus.Completed, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return new Settlement(SettlementResult.Done, order, null, released.PayoutId);
    }

    /// <summary>The pro-rata figures of a partial refund, rounded half away from zero to the penny.</summary>
    public static (decimal Commission, decimal Vat, decimal DeliveryContribution, decimal Payout) AfterPartialRefund(Order o, decimal refund)
    {
        var kept = o.Amount - refund;
        var commission = Math.Round(o.Commission * kept / o.Amount, 2, MidpointRounding.AwayFromZero);
        var vat = Math.Round(commission * PayoutCalculator.VatRate, 2, MidpointRounding.AwayFromZero);
        return (commission, vat, o.DeliveryContribution, kept - commission - vat - o.DeliveryContribution);
    }

    private async Task<Settlement> SettleAsync(RepurchDb db, string orderId, decimal? partial, bool providerRefunded, CancellationToken ct)
    {
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        var order = await LockAsync(db, orderId, ct);
        if (order is null || order.Status != OrderStatus.Disputed) return new Settlement(SettlementResult.NotDisputed, order);
        if (partial is { } p && (p <= 0 || p >= order.Amount || decimal.Round(p, 2) != p)) return new Settlement(SettlementResult.AmountInvalid, order);
        var amount = partial ?? order.Amount;
        string? refundId = null;
        if (!providerRefunded)
        {
            // Locked for the provider call: a concurrent resolution waits and then sees the outcome.
            var result = await provider.RefundAsync(order.ProviderCaptureId!, amount, $"{order.Id}-dispute-refund", ct);
            if (result.Outcome == ProviderOutcome.Declined) return new Settlement(SettlementResult.Declined, order, result.Reason);
            if (result.Outcome == ProviderOutcome.Unavailable) return new Settlement(SettlementResult.Unavailable, order, result.Reason);
            refundId = result.Value;
        }
        var now = clock.GetUtcNow();
        order.RefundedAt = now;
        if (refundId is not null) order.ProviderRefundId = refundId;
        Ledger.Refunded(order, amount).AddTo(db, order.BrandId, now);
        Ledger.RefundPaid(order, amount).AddTo(db, order.BrandId, now);
        string? payoutId = null;
        if (partial is null)
        {
            order.Status = OrderStatus.Refunded;
        }
        else
        {
            (order.Commission, order.Vat, order.DeliveryContribution, order.Payout) = AfterPartialRefund(order, amount);
            order.RefundedAmount = amount;
            payoutId = Release(db, order, OrderStatus.PartiallyRefunded, now).PayoutId;
        }
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return new Settlement(SettlementResult.Done, order, null, payoutId);
    }

    /// <summary>
    /// Sends a pending payout to the provider. A provider that is down leaves it pending for the sweep;
    /// a refusal marks it failed. Never throws for provider trouble.
    /// </summary>
    public async Task SendPayoutAsync(Plane plane, string brandId, string payoutId, CancellationToken ct)
    {
        await using var db = planes.Open(plane, brandId);
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        var payout = await Locks.LockRowAsync<Payout>(db, payoutId, ct);
        if (payout is null || payout.Status != "pending") return;
        // The partner's PayPal receiver is its billing invoice email; the fake provider needs none.
        var receiver = await db.BillingEntities.Select(b => b.InvoiceEmail).FirstOrDefaultAsync(ct) ?? "";
        payout.Attempts++;
        var result = await provider.PayoutAsync(new PayoutRequest(payout.Id, payout.Amount, receiver, $"Repurch payout for order {payout.OrderId}"), ct);
        var now = clock.GetUtcNow();
        switch (result.Outcome)
        {
            case ProviderOutcome.Ok:
                payout.Status = "sent";
                payout.SentAt = now;
                payout.ProviderBatchId = result.Value!.BatchId;
                Ledger.PayoutSent(payout).AddTo(db, brandId, now);
                if (result.Value.Settled) Settle(db, payout, now);
                break;
            case ProviderOutcome.Declined:
                payout.Status = "failed";
                payout.FailureReason = result.Reason;
                break;
            default:
                log.LogWarning("Payout {Payout} not sent ({Reason}); the sweep retries it", payout.Id, result.Reason);
                payout.FailureReason = result.Reason;
                break;
        }
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
    }

    /// <summary>The provider's confirmation (or return) of a sent payout, from a verified webhook.</summary>
    public async Task<bool> ApplyPayoutNoticeAsync(Plane plane, string brandId, PayoutNotice notice, CancellationToken ct)
    {
        await using var db = planes.Open(plane, brandId);
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        var payout = await Locks.LockRowAsync<Payout>(db, notice.PayoutId, ct);
        // Webhooks are redelivered: only a sent payout moves, so a repeat changes nothing.
        if (payout is null || payout.Status != "sent") return false;
        var now = clock.GetUtcNow();
        if (notice.Succeeded)
        {
            Settle(db, payout, now);
        }
        else
        {
            payout.Status = "failed";
            payout.FailureReason = notice.Reason;
            Ledger.PayoutFailed(payout).AddTo(db, brandId, now);
        }
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return true;
    }

    private void Settle(RepurchDb db, Payout payout, DateTimeOffset now)
    {
        payout.Status = "settled";
        payout.SettledAt = now;
        Ledger.PayoutSettled(payout).AddTo(db, payout.BrandId, now);
        Outbox.Emit(db, payout.BrandId, MoneyEvents.PayoutSettled,
            new PayoutSettledEvent(payout.Id, payout.OrderId, payout.Amount, payout.Status, payout.ProviderBatchId, WireFormat.Timestamp(now)), clock);
    }

    /// <summary>
    /// One pass of the sweep on one plane: releases escrow past its auto-release time and retries
    /// pending payouts. The brand of each row comes from a look-up that returns brand ids only; the
    /// work itself runs in that brand's scope.
    /// </summary>
    public async Task<int> SweepAsync(Plane plane, CancellationToken ct)
    {
        var due = new List<(string Brand, string Kind, string Id)>();
        // A plain connection: the look-up is SECURITY DEFINER and returns brand ids and row ids only.
        await using (var cmd = planes.For(plane).CreateCommand("SELECT brand_id, kind, id FROM money_due_work($1)"))
        {
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = clock.GetUtcNow() });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) due.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        var done = 0;
        foreach (var (brand, kind, id) in due)
        {
            try
            {
                if (kind == "release")
                {
                    await using var db = planes.Open(plane, brand);
                    var released = await ReleaseAsync(db, id, ct);
                    if (released?.PayoutId is { } payoutId) await SendPayoutAsync(plane, brand, payoutId, ct);
                }
                else
                {
                    await SendPayoutAsync(plane, brand, id, ct);
                }
                done++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Money sweep failed on {Kind} {Id} of {Brand}", kind, id, brand);
            }
        }
        return done;
    }
}
