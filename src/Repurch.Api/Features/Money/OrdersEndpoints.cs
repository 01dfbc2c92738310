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

    public static OrderView View(Order o) => OrderMapper.View(o);


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
        HttpContext http, DataPlanes planes, OrderFlows flows, CancellationToken ct)
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
        var placed = await flows.PlaceAsync(db, new OrderFlows.PlaceRequest(input!.ListingId, input.Quantity, input.Email, input.Name, caller.BrandId, null), ct);
        return Placed(placed, o => $"/v1/marketplace/orders/{o.Id}");
    }

    /// <summary>The answer to a placement, shared with the signed-in buyer's endpoint.</summary>
    public static Results<Created<OrderView>, ApiErrorResult> Placed(OrderFlows.Placement placed, Func<Order, string> location) => placed.Result switch
    {
        OrderFlows.PlaceResult.Placed => TypedResults.Created(location(placed.Order!), View(placed.Order!)),
        OrderFlows.PlaceResult.InsufficientQuantity => MoneyErrors.InsufficientQuantity.Result($"Only {placed.Left} left; ask for at most that many."),
        OrderFlows.PlaceResult.SoldOut => MoneyErrors.ListingSoldOut.Result(),
        OrderFlows.PlaceResult.Declined => Declined(placed.Reason),
        _ => Unavailable(),
    };

    /// <summary>The answer to a capture, shared with the signed-in buyer's endpoint.</summary>
    public static Results<Ok<OrderView>, ApiErrorResult> Captured(OrderFlows.Capture captured) => captured.Result switch
    {
        OrderFlows.CaptureResult.Captured => TypedResults.Ok(View(captured.Order!)),
        OrderFlows.CaptureResult.StateInvalid => State(captured.Order!, "captured"),
        OrderFlows.CaptureResult.Declined => Declined(captured.Reason),
        OrderFlows.CaptureResult.Unavailable => Unavailable(),
        _ => NotFound(),
    };

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
        string id, HttpContext http, DataPlanes planes, OrderFlows flows, CancellationToken ct)
    {
        var caller = http.Caller();
        if (await OrderBrandAsync(planes, caller, id, ct) is not { } brandId) return NotFound();
        await using var db = planes.Open(caller.Plane, brandId);
        return Captured(await flows.CaptureAsync(db, id, ct));
    }

    private static async Task<Results<Ok<OrderView>, ApiErrorResult>> Confirm(
        string id, HttpContext http, DataPlanes planes, OrderFlows flows, CancellationToken ct)
    {
        var caller = http.Caller();
        if (await OrderBrandAsync(planes, caller, id, ct) is not { } brandId) return NotFound();
        return await ConfirmedAsync(planes, flows, caller.Plane, brandId, id, ct);
    }

    /// <summary>Releases escrow on the buyer's confirmation and sends the payout; shared with the signed-in buyer's endpoint.</summary>
    public static async Task<Results<Ok<OrderView>, ApiErrorResult>> ConfirmedAsync(DataPlanes planes, OrderFlows flows, Plane plane, string brandId, string id, CancellationToken ct)
    {
        OrderFlows.Released? released;
        await using (var db = planes.Open(plane, brandId))
        {
            released = await flows.ReleaseAsync(db, id, ct);
            if (released is null)
            {
                var current = await db.Orders.FirstAsync(o => o.Id == id, ct);
                return State(current, "confirmed as received");
            }
        }
        // After the release commits: a provider outage leaves the payout pending for the sweep.
        if (released.PayoutId is { } payoutId) await flows.SendPayoutAsync(plane, brandId, payoutId, ct);
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
