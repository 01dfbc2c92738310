using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Listings;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Payments;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

/// <summary>
/// The storefront's order API (marketplace keys): reserve stock and hand off to the payment provider,
/// capture into escrow, release on the buyer's confirmation (or by the sweep after
/// <see cref="MoneyOptions.AutoReleaseDays"/>), refund or cancel.
/// <para>Tenancy: an order belongs to the listing's brand and is written only in a context scoped to
/// that brand (<c>DataPlanes.Open(plane, listingBrand)</c>), so the brand's row-level security checks
/// every write. The marketplace key never writes under its own scope: it learns the listing's brand
/// through its read-only <c>marketplace_read</c> policy, and later finds its orders through the
/// read-only <c>marketplace_orders</c> policy (orders whose <c>marketplace_brand_id</c> is its brand).</para>
/// </summary>
public static class OrdersEndpoints
{
    public const int MaxQuantity = 100;
    public const int MaxBuyerName = 200;

    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1/marketplace/orders").WithTags("Orders").RequireAuthorization(Policies.MarketplaceRead);
        var write = app.MapGroup("/v1/marketplace/orders").WithTags("Orders").RequireAuthorization(Policies.MarketplaceWrite);
        var forbidden = CommonErrors.Forbidden.DescribedAs("The key is not a marketplace key with the needed scope (`read` for GET, `write` for mutations).");
        ErrorCode[] auth = [CommonErrors.MissingBearer, CommonErrors.InvalidToken, forbidden];

        write.MapPost("/", Create).WithName("CreateOrder").WithSummary("Create an order")
            .JsonRequest<OrderCreate>().BodyLimit(16 * 1024)
            .WithDescription("Reserves `quantity` (default 1, at most 100) of an active marketplace listing for the buyer and creates the payment with the provider: the answer is `pending_payment` with `amount_gbp` and the hand-off in `payment` (`approve_url` is where the buyer approves a PayPal payment; the local `fake` provider needs no approval). The reservation is a single conditional update: buyers racing for the last unit get one order, and every other one `409 listing_sold_out`. A listing whose units are all reserved stays `active` with `quantity_identical` 0, off the marketplace's pages, and orders for it are `409 listing_sold_out`; the capture that pays for its last unit closes it, and a cancelled order puts its units back on sale. `payout_gbp` is the listing's `payout` figure at the time of sale, times the quantity. Bodies are capped at 16 KB.")
            .Errors([.. auth,
                CommonErrors.ValidationFailed.DescribedAs("Field codes in `data.errors`: `listing_id_required`, `listing_id_invalid`, `quantity_invalid`, `buyer_required`, `buyer_invalid` (not an object), `buyer_email_required`, `buyer_email_invalid`, `buyer_name_required`, `buyer_name_too_long` (over 200 characters), `<field>_unknown` (`buyer_<field>_unknown` inside `buyer`), `<field>_duplicate`. `null` or blank text counts as missing."),
                CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge.DescribedAs("Body is larger than 16 KB."), CommonErrors.UnsupportedMediaType,
                ListingErrors.NotFound.DescribedAs("No listing with this id is on sale on the marketplace (a listing whose last unit has been paid for is closed and not shown either)."),
                MoneyErrors.ListingSoldOut, MoneyErrors.InsufficientQuantity,
                MoneyErrors.PaymentDeclined, MoneyErrors.PaymentProviderUnavailable]);
        read.MapGet("/{id}", Get).WithName("GetOrder").WithSummary("Retrieve an order")
            .WithDescription("An order this marketplace key's brand placed, in any status. Orders placed by another marketplace brand are `404 order_not_found`, like ids that do not exist.")
            .Errors([.. auth, MoneyErrors.OrderNotFound]);
        write.MapPost("/{id}/capture", Capture).WithName("CaptureOrder").WithSummary("Capture the payment into escrow")
            .WithDescription("After the buyer approved the payment: captures it and holds the money in escrow (`paid`, with `release_due_at`). Emits `listing.sold` to the listing's brand (`sold_out` says whether that was the last unit; a listing with no units left closes). A declined capture leaves the order `pending_payment` so the buyer can try another payment method.")
            .Errors([.. auth, MoneyErrors.OrderNotFound, MoneyErrors.OrderStateInvalid, MoneyErrors.PaymentDeclined.DescribedAs("The provider declined the capture (e.g. `INSTRUMENT_DECLINED`); the order stays `pending_payment`."), MoneyErrors.PaymentProviderUnavailable]);
        write.MapPost("/{id}/confirm-receipt", Confirm).WithName("ConfirmOrderReceipt").WithSummary("Confirm receipt and release escrow")
            .WithDescription("The buyer has the item: `completed`, escrow released. The platform keeps commission, VAT on it and the delivery contribution; the rest goes to the seller side: a payout to the partner for its own stock, or a single-use credit code for the brand (`credit.issued`) when a consumer's trade-in sold. Unconfirmed paid orders are released the same way after the auto-release period (`Money:AutoReleaseDays`, default 7).")
            .Errors([.. auth, MoneyErrors.OrderNotFound, MoneyErrors.OrderStateInvalid]);
        write.MapPost("/{id}/refund", Refund).WithName("RefundOrder").WithSummary("Refund a paid order")
            .WithDescription("Returns the escrowed payment to the buyer in full (`refunded`). Only a `paid` order can be refunded: once escrow is released the money has gone to the seller side.")
            .Errors([.. auth, MoneyErrors.OrderNotFound, MoneyErrors.OrderStateInvalid, MoneyErrors.PaymentDeclined.DescribedAs("The provider refused the refund."), MoneyErrors.PaymentProviderUnavailable]);
        write.MapPost("/{id}/cancel", Cancel).WithName("CancelOrder").WithSummary("Cancel an unpaid order")
            .WithDescription("Cancels a `pending_payment` order and puts the reserved units back on sale (a listing closed by another order's capture while these units were reserved reopens). A paid order is refunded instead.")
            .Errors([.. auth, MoneyErrors.OrderNotFound, MoneyErrors.OrderStateInvalid]);
        return app;
    }

    public static OrderView View(Order o) => new(
        o.Id, o.Status, o.ListingId, o.BrandId, o.ListingTitle, o.Quantity, new OrderBuyer(o.BuyerEmail, o.BuyerName),
        o.UnitPrice, o.Amount, o.Commission, o.Vat, o.DeliveryContribution, o.Payout,
        new OrderPayment(o.PaymentProvider, o.ProviderOrderId, o.ApproveUrl, o.ProviderCaptureId, o.ProviderRefundId),
        WireFormat.Timestamp(o.CreatedAt), WireFormat.Timestamp(o.PaidAt), WireFormat.Timestamp(o.ReleaseDueAt), WireFormat.Timestamp(o.CompletedAt), WireFormat.Timestamp(o.RefundedAt), WireFormat.Timestamp(o.CancelledAt),
        o.Status == OrderStatus.Refunded ? o.Amount : o.RefundedAmount);


    private static ApiErrorResult NotFound() => MoneyErrors.OrderNotFound.Result();
    private static ApiErrorResult State(Order o, string action) =>
        MoneyErrors.OrderStateInvalid.Result($"The order is {o.Status}; it cannot be {action}.");
    private static ApiErrorResult Declined(string? reason) =>
        MoneyErrors.PaymentDeclined.Result($"The payment provider declined: {reason ?? "no reason given"}.");
    private static ApiErrorResult Unavailable() =>
        MoneyErrors.PaymentProviderUnavailable.Result();

    private sealed record CreateInput(long ListingId, int Quantity, string Email, string Name);

    private static readonly string[] CreateFields = ["listing_id", "quantity", "buyer"];
    private static readonly string[] BuyerFields = ["email", "name"];

    private static List<string> Parse(JsonElement root, out CreateInput? input)
    {
        input = null;
        var r = new FieldReader(root, CreateFields, creating: true);
        var listingId = r.WholeNumber("listing_id", 1, long.MaxValue, FieldPresence.Required);
        var quantity = r.WholeNumber("quantity", 1, MaxQuantity);
        string? email = null, name = null;
        if (r.Nested("buyer", BuyerFields, FieldPresence.Required) is { } buyer)
        {
            email = buyer.Formatted("email", FieldFormats.Email, FieldPresence.Required).Value;
            name = buyer.Text("name", MaxBuyerName, FieldPresence.Required, multiline: true).Value;
        }
        if (r.Errors.Count == 0) input = new CreateInput(listingId.Value, quantity.Sent ? (int)quantity.Value : 1, email!, name!);
        return r.Errors;
    }

    private static async Task<Results<Created<OrderView>, ApiErrorResult>> Create(
        HttpContext http, DataPlanes planes, IPaymentProvider provider, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Order could not be created", ["listing_id_required", "buyer_required"]);
        using var doc = body.Document!;
        var errors = Parse(body.Root, out var input);
        if (errors.Count > 0) return Problems.Validation("Order could not be created", errors);

        // 1. Which brand sells it, through the marketplace's read-only policy (only what the marketplace may show).
        string? brandId;
        await using (var market = planes.Open(caller.Plane, caller.BrandId))
        {
            market.Marketplace = true;
            brandId = await market.Listings.Where(l => l.Id == input!.ListingId && l.DeletedAt == null && l.Status == "active")
                .Select(l => l.BrandId).FirstOrDefaultAsync(ct);
        }
        if (brandId is null) return ListingErrors.NotFound.Result();

        // 2. Everything else under that brand's own scope: its RLS policy checks the reservation and the order.
        // (This is not the request's context, so an Idempotency-Key's stored answer commits just after the order.)
        await using var db = planes.Open(caller.Plane, brandId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var q = input!.Quantity;
        // Race-safe: one statement checks and takes the units; a concurrent buyer blocks on the row and then sees what is left.
        // The listing stays active at quantity 0 rather than closing here: the marketplace can only see
        // active listings (its policy), so a closed one would be 404 listing_not_found to every buyer who
        // looks it up after this commits, where they lost a race and must hear 409 listing_sold_out.
        // The capture that pays for the last unit closes it (Capture).
        var reserved = await db.Listings.FromSqlInterpolated($"""
            UPDATE listings SET quantity = quantity - {q}, updated_at = {now}
             WHERE id = {input.ListingId} AND status = 'active' AND deleted_at IS NULL AND quantity >= {q}
            RETURNING *
            """).ToListAsync(ct);
        if (reserved.Count == 0)
        {
            var left = await db.Listings.Where(l => l.Id == input.ListingId && l.Status == "active" && l.DeletedAt == null).Select(l => (int?)l.Quantity).FirstOrDefaultAsync(ct);
            return left is > 0
                ? MoneyErrors.InsufficientQuantity.Result($"Only {left} left; ask for at most that many.")
                : MoneyErrors.ListingSoldOut.Result();
        }
        var listing = reserved[0];
        var unit = PayoutCalculator.Calculate(listing.Channel, listing.EffectivePrice, listing.DeliveryContribution);
        var order = new Order
        {
            Id = PublicIds.New("ord_"), BrandId = brandId, MarketplaceBrandId = caller.BrandId,
            ListingId = listing.Id, ListingTitle = listing.Title, Channel = listing.Channel, OwnerType = listing.OwnerType, SellerId = listing.SellerId,
            Quantity = q, BuyerEmail = input.Email, BuyerName = input.Name, Status = OrderStatus.PendingPayment,
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
        // A provider failure rolls the reservation and the order back with the transaction: nothing was taken.
        if (created.Outcome == ProviderOutcome.Declined) return Declined(created.Reason);
        if (created.Outcome == ProviderOutcome.Unavailable || !Storable(created.Value!)) return Unavailable();
        // The one write after the provider call sets two columns of the row this transaction just
        // inserted and holds locked, with values checked to fit them (Storable), so it cannot fail
        // on our side; only the commit itself (a lost connection) could, as with any commit.
        order.ProviderOrderId = created.Value!.ProviderOrderId;
        order.ApproveUrl = created.Value.ApproveUrl;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/v1/marketplace/orders/{order.Id}", View(order));
    }

    /// <summary>Whether the provider's ids fit their columns (varchar 64 and 2048, no NUL), so storing them cannot fail.</summary>
    private static bool Storable(CreatedPayment payment) =>
        payment.ProviderOrderId.Length is > 0 and <= 64 && !JsonBody.HasControl(payment.ProviderOrderId)
        && (payment.ApproveUrl is null || (payment.ApproveUrl.Length <= 2048 && !JsonBody.HasControl(payment.ApproveUrl)));

    /// <summary>The brand an order belongs to, if this marketplace key's brand placed it (read-only marketplace policy).</summary>
    private static async Task<string?> OrderBrandAsync(DataPlanes planes, Caller caller, string id, CancellationToken ct)
    {
        if (id.Length > 40) return null;
        await using var market = planes.Open(caller.Plane, caller.BrandId);
        market.Marketplace = true;
        return await market.Orders.Where(o => o.Id == id && o.MarketplaceBrandId == caller.BrandId).Select(o => o.BrandId).FirstOrDefaultAsync(ct);
    }

    private static async Task<Results<Ok<OrderView>, ApiErrorResult>> Get(string id, HttpContext http, DataPlanes planes, CancellationToken ct)
    {
        var caller = http.Caller();
        if (id.Length > 40) return NotFound();
        await using var market = planes.Open(caller.Plane, caller.BrandId);
        market.Marketplace = true;
        var order = await market.Orders.FirstOrDefaultAsync(o => o.Id == id && o.MarketplaceBrandId == caller.BrandId, ct);
        return order is null ? NotFound() : TypedResults.Ok(View(order));
    }

    private static async Task<Results<Ok<OrderView>, ApiErrorResult>> Capture(
        string id, HttpContext http, DataPlanes planes, IPaymentProvider provider, MoneyOptions options, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        if (await OrderBrandAsync(planes, caller, id, ct) is not { } brandId) return NotFound();
        await using var db = planes.Open(caller.Plane, brandId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Locked for the provider call, so a concurrent capture or cancel waits and then sees the outcome.
        var order = (await OrderFlows.LockAsync(db, id, ct))!;
        if (order.Status != OrderStatus.PendingPayment) return State(order, "captured");
        var result = await provider.CaptureAsync(order.ProviderOrderId!, $"{order.Id}-capture", ct);
        if (result.Outcome == ProviderOutcome.Declined) return Declined(result.Reason);
        if (result.Outcome == ProviderOutcome.Unavailable) return Unavailable();
        var now = clock.GetUtcNow();
        order.Status = OrderStatus.Paid;
        order.PaidAt = now;
        order.ReleaseDueAt = now.AddDays(options.AutoReleaseDays);
        order.ProviderCaptureId = result.Value;
        Ledger.Captured(order).AddTo(db, brandId, now);
        var remaining = await db.Listings.Where(l => l.Id == order.ListingId).Select(l => l.Quantity).FirstAsync(ct);
        // Paid for and nothing left: the listing closes now (the reservation left it active so late buyers hear sold out).
        if (remaining == 0)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE listings SET status = 'closed', updated_at = {now}
                 WHERE id = {order.ListingId} AND status = 'active' AND quantity = 0
                """, ct);
        }
        Outbox.Emit(db, brandId, MoneyEvents.ListingSold,
            new ListingSoldEvent(order.ListingId, order.Id, order.Quantity, order.Amount, remaining, remaining == 0, WireFormat.Timestamp(now)), clock);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(View(order));
    }

    private static async Task<Results<Ok<OrderView>, ApiErrorResult>> Confirm(
        string id, HttpContext http, DataPlanes planes, OrderFlows flows, CancellationToken ct)
    {
        var caller = http.Caller();
        if (await OrderBrandAsync(planes, caller, id, ct) is not { } brandId) return NotFound();
        OrderFlows.Released? released;
        await using (var db = planes.Open(caller.Plane, brandId))
        {
            released = await flows.ReleaseAsync(db, id, ct);
            if (released is null)
            {
                var current = await db.Orders.FirstAsync(o => o.Id == id, ct);
                return State(current, "confirmed as received");
            }
        }
        // After the release commits: a provider outage leaves the payout pending for the sweep.
        if (released.PayoutId is { } payoutId) await flows.SendPayoutAsync(caller.Plane, brandId, payoutId, ct);
        return TypedResults.Ok(View(released.Order));
    }

    private static async Task<Results<Ok<OrderView>, ApiErrorResult>> Refund(
        string id, HttpContext http, DataPlanes planes, IPaymentProvider provider, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        if (await OrderBrandAsync(planes, caller, id, ct) is not { } brandId) return NotFound();
        await using var db = planes.Open(caller.Plane, brandId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = (await OrderFlows.LockAsync(db, id, ct))!;
        if (order.Status != OrderStatus.Paid) return State(order, "refunded");
        var result = await provider.RefundAsync(order.ProviderCaptureId!, order.Amount, $"{order.Id}-refund", ct);
        if (result.Outcome == ProviderOutcome.Declined) return Declined(result.Reason);
        if (result.Outcome == ProviderOutcome.Unavailable) return Unavailable();
        var now = clock.GetUtcNow();
        order.Status = OrderStatus.Refunded;
        order.RefundedAt = now;
        order.ProviderRefundId = result.Value;
        Ledger.Refunded(order).AddTo(db, brandId, now);
        Ledger.RefundPaid(order).AddTo(db, brandId, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(View(order));
    }

    private static async Task<Results<Ok<OrderView>, ApiErrorResult>> Cancel(
        string id, HttpContext http, DataPlanes planes, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        if (await OrderBrandAsync(planes, caller, id, ct) is not { } brandId) return NotFound();
        await using var db = planes.Open(caller.Plane, brandId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = (await OrderFlows.LockAsync(db, id, ct))!;
        if (order.Status != OrderStatus.PendingPayment) return State(order, "cancelled");
        var now = clock.GetUtcNow();
        order.Status = OrderStatus.Cancelled;
        order.CancelledAt = now;
        // The units go back on sale; a listing that another order's capture closed while these units
        // were reserved (quantity 0) reopens.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE listings SET quantity = quantity + {order.Quantity}, updated_at = {now},
                   status = CASE WHEN status = 'closed' AND quantity = 0 THEN 'active' ELSE status END
             WHERE id = {order.ListingId}
            """, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(View(order));
    }
}
