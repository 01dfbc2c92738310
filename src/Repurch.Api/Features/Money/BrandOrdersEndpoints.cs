using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

/// <summary>
/// The selling brand's side of orders: every order for its listings, whichever marketplace placed it,
/// to ship, reconcile and answer disputes from (the dashboard's orders page). Read-only; the order's
/// changes come from the marketplace and the buyer. Row-level security keeps each brand to its own.
/// </summary>
public static class BrandOrdersEndpoints
{
    public static IEndpointRouteBuilder MapBrandOrders(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1/orders").WithTags("Orders").RequireAuthorization(Policies.PartnerRead);
        read.MapGet("/", List).WithBrandSession().WithName("ListOrders").WithSummary("List orders for your listings")
            .WithDescription("Orders for the brand's listings, newest first, in any status unless `status` is given: the buyer to ship to, the amounts (`amount_gbp` paid, `payout_gbp` the seller side's share) and the escrow dates. Orders placed by any marketplace appear; another brand's never do.")
            .Query("page", Microsoft.OpenApi.JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", Microsoft.OpenApi.JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Query("status", Microsoft.OpenApi.JsonSchemaType.String, "Only orders in this status.", values: OrderStatus.All)
            .Errors([.. CommonErrors.Auth, CommonErrors.InvalidParameter.DescribedAs("A query parameter is out of range or not an allowed value.")]);
        read.MapGet("/{id}", Get).WithBrandSession().WithName("GetBrandOrder").WithSummary("Retrieve an order for your listing")
            .WithDescription("One order for one of the brand's listings, in any status. An order for another brand's listing is `404 order_not_found`, like an id that does not exist.")
            .Errors([.. CommonErrors.Auth, MoneyErrors.OrderNotFound]);
        return app;
    }

    private static async Task<Results<Ok<BrandOrdersPage>, ApiErrorResult>> List(HttpContext http, RepurchDb db, string? page, string? per_page, string? status, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!Paging.TryParse(page, per_page, out var pageNo, out var perPage, out var error)) return error!;
        if (status is not null && !OrderStatus.All.Contains(status, StringComparer.Ordinal))
            return Problems.InvalidParameter("status", "status_invalid", $"status must be one of {string.Join(", ", OrderStatus.All)}.");
        var query = db.Orders.Where(o => o.BrandId == caller.BrandId);
        if (status is not null) query = query.Where(o => o.Status == status);
        var rows = await Paging.ReadPageAsync(query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id), pageNo, perPage, http, ct);
        return TypedResults.Ok(new BrandOrdersPage([.. rows.Items.Select(OrderMapper.View)], rows.Meta(caller.BrandId)));
    }

    private static async Task<Results<Ok<OrderView>, ApiErrorResult>> Get(string id, HttpContext http, RepurchDb db, CancellationToken ct)
    {
        var caller = http.Caller();
        if (id.Length > 40) return MoneyErrors.OrderNotFound.Result();
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == id && o.BrandId == caller.BrandId, ct);
        return order is null ? MoneyErrors.OrderNotFound.Result() : TypedResults.Ok(OrderMapper.View(order));
    }
}
