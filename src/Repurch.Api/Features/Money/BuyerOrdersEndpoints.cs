using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Listings;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

/// <summary>
/// The signed-in buyer's orders (<c>/v1/me/orders</c>, user token): the same reservation, money, payment
/// hand-off and escrow as the guest checkout (<see cref="OrderFlows"/>), on listings of the account's own
/// brand, with the buyer's name and email taken from the account. Every order carries
/// <c>buyer_account_id</c>; another account's order is <c>404</c>, like one that does not exist.
/// </summary>
public static class BuyerOrdersEndpoints
{
    private const long BodyLimit = 16 * 1024;

    public static IEndpointRouteBuilder MapBuyerOrders(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/v1/me/orders").WithTags("Buyer orders").RequireAuthorization(Policies.Consumer);
        var forbidden = CommonErrors.Forbidden.DescribedAs("The credential is not a consumer's user token (an API key, or a storefront key without a signed-in user).");
        ErrorCode[] auth = [CommonErrors.MissingBearer, CommonErrors.InvalidToken, forbidden];
        var notFound = MoneyErrors.OrderNotFound.DescribedAs("No order with this id was placed by this account (another buyer's order, or one of another brand, reads the same).");

        me.MapPost("/", Create).WithName("CreateMyOrder").WithSummary("Place an order as the signed-in buyer")
            .JsonRequest<BuyerOrderCreate>().BodyLimit(BodyLimit)
            .WithDescription("Reserves `quantity` (default 1, at most 100) of an active listing of the account's own brand and creates the payment with the provider, exactly as the guest checkout (`POST /v1/marketplace/orders`) does: same prices and fees, same race-safe reservation (buyers racing for the last unit get one order, every other one `409 listing_sold_out`), same PayPal hand-off in `payment`. The buyer's name and email are the account's (`display_name`, `email`); the order is the account's (`GET /v1/me/orders`) and can be disputed while paid (`POST /v1/me/orders/{id}/disputes`). A listing of another brand, a trade-in still `pending_review` or `rejected`, or one that is closed or deleted is `404 listing_not_found`; the account's own trade-in is `409 cannot_buy_own_listing`. Send an `Idempotency-Key` so a retry replays the first answer; keys are kept per account. Bodies are capped at 16 KB.")
            .Errors([.. auth,
                CommonErrors.ValidationFailed.DescribedAs("Field codes in `data.errors`: `listing_id_required`, `listing_id_invalid` (not a whole number of at least 1, e.g. a string), `quantity_invalid` (not a whole number from 1 to 100), `<field>_unknown` (`buyer` is not accepted here: the buyer is the account), `<field>_duplicate`."),
                CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge.DescribedAs("Body is larger than 16 KB."), CommonErrors.UnsupportedMediaType,
                ListingErrors.NotFound.DescribedAs("No listing with this id is on sale in this brand (another brand's, pending review, rejected, closed or deleted)."),
                MoneyErrors.OwnListing, MoneyErrors.ListingSoldOut, MoneyErrors.InsufficientQuantity,
                MoneyErrors.PaymentDeclined, MoneyErrors.PaymentProviderUnavailable]);
        me.MapGet("/", List).WithBrandSession().WithName("ListMyOrders").WithSummary("List my orders")
            .WithDescription("Orders this account placed, in any status, newest first.")
            .Query("page", Microsoft.OpenApi.JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", Microsoft.OpenApi.JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Errors([.. auth, CommonErrors.InvalidParameter.DescribedAs("page or per_page out of range.")]);
        me.MapGet("/{id}", Get).WithBrandSession().WithName("GetMyOrder").WithSummary("Retrieve my order")
            .WithDescription("One order this account placed, in any status.")
            .Errors([.. auth, notFound]);
        me.MapPost("/{id}/capture", Capture).WithName("CaptureMyOrder").WithSummary("Capture my payment into escrow")
            .WithDescription("After the buyer approved the payment: captures it and holds the money in escrow (`paid`, with `release_due_at`), as `POST /v1/marketplace/orders/{id}/capture` does. Of two concurrent captures one captures and the other is `409 order_state_invalid`. A declined capture leaves the order `pending_payment`.")
            .Errors([.. auth, notFound, MoneyErrors.OrderStateInvalid, MoneyErrors.PaymentDeclined.DescribedAs("The provider declined the capture; the order stays `pending_payment`."), MoneyErrors.PaymentProviderUnavailable]);
        me.MapPost("/{id}/confirm-receipt", Confirm).WithName("ConfirmMyOrderReceipt").WithSummary("Confirm receipt and release escrow")
            .WithDescription("The buyer has the item: `completed`, escrow released to the seller side (a payout, or a credit code for a consumer's trade-in), as `POST /v1/marketplace/orders/{id}/confirm-receipt` does. A disputed order is `409 order_state_invalid`: the dispute decides.")
            .Errors([.. auth, notFound, MoneyErrors.OrderStateInvalid]);
        return app;
    }

    private static readonly string[] CreateFields = ["listing_id", "quantity"];

    private static async Task<Results<Created<OrderView>, ApiErrorResult>> Create(
        HttpContext http, DataPlanes planes, OrderFlows flows, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Order could not be created", ["listing_id_required"]);
        using var doc = body.Document!;
        var r = new FieldReader(body.Root, CreateFields, creating: true);
        var listingId = r.WholeNumber("listing_id", 1, long.MaxValue, FieldPresence.Required);
        var quantity = r.WholeNumber("quantity", 1, OrdersEndpoints.MaxQuantity);
        if (r.Errors.Count > 0) return Problems.Validation("Order could not be created", r.Errors);
        var account = caller.AccountId!;

        // The account's own brand only: this context's RLS shows nothing of another brand.
        await using var db = planes.Open(caller.Plane, caller.BrandId);
        var buyer = await db.Accounts.Where(a => a.Id == account).Select(a => new { a.Email, a.DisplayName }).FirstOrDefaultAsync(ct);
        var listing = await db.Listings.Where(l => l.Id == listingId.Value && l.DeletedAt == null && l.Status == "active")
            .Select(l => new { l.SellerId }).FirstOrDefaultAsync(ct);
        if (buyer is null || listing is null) return ListingErrors.NotFound.Result();
        if (listing.SellerId is { } sellerId && await db.Sellers.AnyAsync(s => s.Id == sellerId && s.AccountId == account, ct))
            return MoneyErrors.OwnListing.Result();
        var placed = await flows.PlaceAsync(db, new OrderFlows.PlaceRequest(listingId.Value, quantity.Sent ? (int)quantity.Value : 1,
            buyer.Email, buyer.DisplayName, caller.BrandId, account), ct);
        return OrdersEndpoints.Placed(placed, o => $"/v1/me/orders/{o.Id}");
    }

    private static IQueryable<Order> Mine(RepurchDb db, string account) => db.Orders.Where(o => o.BuyerAccountId == account);

    private static async Task<Results<Ok<BuyerOrdersPage>, ApiErrorResult>> List(HttpContext http, RepurchDb db, string? page, string? per_page, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!Paging.TryParse(page, per_page, out var pageNo, out var perPage, out var error)) return error!;
        var rows = await Paging.ReadPageAsync(Mine(db, caller.AccountId!).OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id), pageNo, perPage, http, ct);
        return TypedResults.Ok(new BuyerOrdersPage([.. rows.Items.Select(OrdersEndpoints.View)], rows.Meta(caller.BrandId)));
    }

    private static async Task<Results<Ok<OrderView>, ApiErrorResult>> Get(string id, HttpContext http, RepurchDb db, CancellationToken ct)
    {
        var caller = http.Caller();
        if (id.Length > 40) return MoneyErrors.OrderNotFound.Result();
        var order = await Mine(db, caller.AccountId!).FirstOrDefaultAsync(o => o.Id == id, ct);
        return order is null ? MoneyErrors.OrderNotFound.Result() : TypedResults.Ok(OrdersEndpoints.View(order));
    }

    /// <summary>Whether this account placed the order (under its own brand's scope).</summary>
    private static async Task<bool> IsMineAsync(RepurchDb db, string account, string id, CancellationToken ct) =>
        id.Length <= 40 && await Mine(db, account).AnyAsync(o => o.Id == id, ct);

    private static async Task<Results<Ok<OrderView>, ApiErrorResult>> Capture(string id, HttpContext http, DataPlanes planes, OrderFlows flows, CancellationToken ct)
    {
        var caller = http.Caller();
        await using var db = planes.Open(caller.Plane, caller.BrandId);
        if (!await IsMineAsync(db, caller.AccountId!, id, ct)) return MoneyErrors.OrderNotFound.Result();
        return OrdersEndpoints.Captured(await flows.CaptureAsync(db, id, ct));
    }

    private static async Task<Results<Ok<OrderView>, ApiErrorResult>> Confirm(string id, HttpContext http, DataPlanes planes, OrderFlows flows, CancellationToken ct)
    {
        var caller = http.Caller();
        await using (var db = planes.Open(caller.Plane, caller.BrandId))
        {
            if (!await IsMineAsync(db, caller.AccountId!, id, ct)) return MoneyErrors.OrderNotFound.Result();
        }
        return await OrdersEndpoints.ConfirmedAsync(planes, flows, caller.Plane, caller.BrandId, id, ct);
    }
}
