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
public sealed class OrderFlows(DataPlanes planes, IPaymentProvider provider, ICreditIssuer credits, MoneyOptions options, TimeProvider clock, ILogger<OrderFlows> log)
{
    public enum PlaceResult { Placed, SoldOut, InsufficientQuantity, Declined, Unavailable }

    /// <summary>An order to place: who buys, through which storefront brand, and (signed in) which account.</summary>
    public sealed record PlaceRequest(long ListingId, int Quantity, string BuyerEmail, string BuyerName, string MarketplaceBrandId, string? BuyerAccountId);

    /// <summary>The outcome; <see cref="Left"/> is the units still on sale for <c>InsufficientQuantity</c>.</summary>
    public sealed record Placement(PlaceResult Result, Order? Order = null, int Left = 0, string? Reason = null);

    /// <summary>
    /// Reserves the units and creates the payment with the provider, in a context of the listing's brand
    /// (its RLS checks the reservation and the order). Runs its own transaction: a provider refusal rolls the
    /// reservation and the order back, so nothing was taken. Used by the guest checkout and the signed-in buyer.
    /// </summary>
    public async Task<Placement> PlaceAsync(RepurchDb db, PlaceRequest input, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var q = input.Quantity;
        // Race-safe: one statement checks and takes the units; a concurrent buyer blocks on the row and then sees what is left.
        // The listing stays active at quantity 0 rather than closing here: the marketplace can only see
        // active listings (its policy), so a closed one would be 404 listing_not_found to every buyer who
        // looks it up after this commits, where they lost a race and must hear 409 listing_sold_out.
        // The capture that pays for the last unit closes it (CaptureAsync).
        var reserved = await db.Listings.FromSqlInterpolated($"""
            UPDATE listings SET quantity = quantity - {q}, updated_at = {now}
             WHERE id = {input.ListingId} AND status = 'active' AND deleted_at IS NULL AND quantity >= {q}
            RETURNING *
            """).ToListAsync(ct);
        if (reserved.Count == 0)
        {
            var left = await db.Listings.Where(l => l.Id == input.ListingId && l.Status == "active" && l.DeletedAt == null).Select(l => (int?)l.Quantity).FirstOrDefaultAsync(ct);
            return left is > 0 ? new Placement(PlaceResult.InsufficientQuantity, Left: left.Value) : new Placement(PlaceResult.SoldOut);
        }
        var listing = reserved[0];
        var unit = PayoutCalculator.Calculate(listing.Channel, listing.EffectivePrice, listing.DeliveryContribution);
        var order = new Order
        {
            Id = PublicIds.New("ord_"), BrandId = listing.BrandId, MarketplaceBrandId = input.MarketplaceBrandId, BuyerAccountId = input.BuyerAccountId,
            ListingId = listing.Id, ListingTitle = listing.Title, Channel = listing.Channel, OwnerType = listing.OwnerType, SellerId = listing.SellerId,
            Quantity = q, BuyerEmail = input.BuyerEmail, BuyerName = input.BuyerName, Status = OrderStatus.PendingPayment,
            UnitPrice = unit.Price, Amount = unit.Price * q, Commission = unit.Commission * q, Vat = unit.Vat * q,
            DeliveryContribution = unit.DeliveryContribution * q, Payout = unit.Payout * q,
            PaymentProvider = provider.Name, CreatedAt = now,
        };
        // The order row goes in before the provider is asked, so everything of ours that can fail
        // (validation, the reservation, the insert and its constraints) has failed before a payment
        // exists at the provider: a refused order never leaves an orphan PayPal order behind.
        db.Orders.Add(order);
        await db.SaveChangesAsync(ct);
        var created = await provider.CreateOrderAsync(new PaymentRequest(order.Id, order.Amount, order.Amount - order.Payout,
            $"{q} x {listing.Title}", order.BuyerEmail), ct);
        if (created.Outcome == ProviderOutcome.Declined) return new Placement(PlaceResult.Declined, Reason: created.Reason);
        if (created.Outcome == ProviderOutcome.Unavailable || !Storable(created.Value!)) return new Placement(PlaceResult.Unavailable);
        // The one write after the provider call sets two columns of the row this transaction just
        // inserted and holds locked, with values checked to fit them (Storable), so it cannot fail
        // on our side; only the commit itself (a lost connection) could, as with any commit.
        order.ProviderOrderId = created.Value!.ProviderOrderId;
        order.ApproveUrl = created.Value.ApproveUrl;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Placement(PlaceResult.Placed, order);
    }

    /// <summary>Whether the provider's ids fit their columns (varchar 64 and 2048, no NUL), so storing them cannot fail.</summary>
    private static bool Storable(CreatedPayment payment) =>
        payment.ProviderOrderId.Length is > 0 and <= 64 && !JsonBody.HasControl(payment.ProviderOrderId)
        && (payment.ApproveUrl is null || (payment.ApproveUrl.Length <= 2048 && !JsonBody.HasControl(payment.ApproveUrl)));

    public enum CaptureResult { Captured, NotFound, StateInvalid, Declined, Unavailable }

    public sealed record Capture(CaptureResult Result, Order? Order = null, string? Reason = null);

    /// <summary>
    /// Captures an approved payment into escrow (<c>paid</c>, with its release time), emits <c>listing.sold</c>
    /// and closes a listing whose last unit this paid for. A declined capture leaves the order <c>pending_payment</c>.
    /// Runs its own transaction in a context of the order's brand.
    /// </summary>
    public async Task<Capture> CaptureAsync(RepurchDb db, string id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Locked for the provider call, so a concurrent capture or cancel waits and then sees the outcome.
        var order = await LockAsync(db, id, ct);
        if (order is null) return new Capture(CaptureResult.NotFound);
        if (order.Status != OrderStatus.PendingPayment) return new Capture(CaptureResult.StateInvalid, order);
        var result = await provider.CaptureAsync(order.ProviderOrderId!, $"{order.Id}-capture", ct);
        if (result.Outcome == ProviderOutcome.Declined) return new Capture(CaptureResult.Declined, order, result.Reason);
        if (result.Outcome == ProviderOutcome.Unavailable) return new Capture(CaptureResult.Unavailable, order, result.Reason);
        var now = clock.GetUtcNow();
        order.Status = OrderStatus.Paid;
        order.PaidAt = now;
        order.ReleaseDueAt = now.AddDays(options.AutoReleaseDays);
        order.ProviderCaptureId = result.Value;
        Ledger.Captured(order).AddTo(db, order.BrandId, now);
        var remaining = await db.Listings.Where(l => l.Id == order.ListingId).Select(l => l.Quantity).FirstAsync(ct);
        // Paid for and nothing left: the listing closes now (the reservation left it active so late buyers hear sold out).
        if (remaining == 0)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE listings SET status = 'closed', updated_at = {now}
                 WHERE id = {order.ListingId} AND status = 'active' AND quantity = 0
                """, ct);
        }
        Outbox.Emit(db, order.BrandId, MoneyEvents.ListingSold,
            new ListingSoldEvent(order.ListingId, order.Id, order.Quantity, order.Amount, remaining, remaining == 0, WireFormat.Timestamp(now)), clock);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Capture(CaptureResult.Captured, order);
    }

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
    /// the payout (or a consumer seller's credit) is the rest; an operator's split may not make it negative.
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
        // An operator's split never leaves the seller side owing (that is a full refund's job). PayPal's own
        // decision has already moved the money, so it is recorded as it is, a negative payout included.
        if (partial is { } q && !providerRefunded && AfterPartialRefund(order, q).Payout < 0) return new Settlement(SettlementResult.AmountInvalid, order);
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
