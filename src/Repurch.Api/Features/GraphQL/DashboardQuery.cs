using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Features.Credits;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Money;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Features.Usage;
using Repurch.Api.Features.Webhooks;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.GraphQL;

/// <summary>
/// The read-only root: one field per dashboard panel. Each reads as its REST twin does (same filters,
/// order and mappers, so a field means the same thing in both) through the request's brand-scoped
/// context; another brand's rows are simply not there (row-level security), like REST's 404s.
/// </summary>
public sealed class DashboardQuery : ObjectGraphType
{
    private static readonly string[] OrderStatuses = OrderStatus.All;
    private static readonly string[] DeliveryStatuses = ["pending", "succeeded", "failed"];

    public DashboardQuery()
    {
        Name = "Query";
        Description = "Read-only queries for partner dashboards. Mutations stay in the REST API (/v1/...).";

        Page<ListingSummary>("listings", "The brand's listings, newest first (as GET /v1/listings).")
            .Argument<StringGraphType>("status", "active (default), draft, closed, or any (every status but deleted).")
            .Argument<StringGraphType>("channel", "clearance or exchange; omit for both.")
            .Argument<StringGraphType>("category", "Only this category (exact, as the listing shows it).")
            .ResolveAsync(async ctx =>
            {
                var (db, caller) = Of(ctx);
                var status = OneOf(ctx, "status", ListingsEndpointsStatuses) ?? "active";
                var channel = OneOf(ctx, "channel", PlatformTaxonomy.Channels);
                var category = ctx.GetArgument<string?>("category");
                var query = db.Listings.Where(l => l.BrandId == caller.BrandId && l.DeletedAt == null);
                if (status != "any") query = query.Where(l => l.Status == status);
                if (channel is not null) query = query.Where(l => l.Channel == channel);
                if (category is not null) query = query.Where(l => l.Category == category);
                var urls = ctx.RequestServices!.GetRequiredService<ListingUrls>();
                return await Read(ctx, query.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id),
                    rows => rows.Select(l => ListingMapper.Summary(l, urls)).ToList());
            });

        Field<AutoRegisteringObjectGraphType<ListingDetail>>("listing")
            .Description("One listing in full with its photos (`images`, index 0 the cover), as GET /v1/listings/{id}; null when the brand has no such listing.")
            .Argument<NonNullGraphType<LongGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var (db, caller) = Of(ctx);
                var id = ctx.GetArgument<long>("id");
                var listing = await db.Listings.Include(l => l.Seller).Include(l => l.Warehouse)
                    .FirstOrDefaultAsync(l => l.Id == id && l.BrandId == caller.BrandId && l.DeletedAt == null, ctx.CancellationToken);
                if (listing is null) return null;
                return ListingMapper.Detail(listing, ctx.RequestServices!.GetRequiredService<ListingUrls>(), await BrandNames.GetAsync(db, ctx.CancellationToken));
            });

        Page<OrderView>("orders", "Orders for the brand's listings, newest first, in any status (as GET /v1/orders).")
            .Argument<StringGraphType>("status", string.Join(", ", OrderStatuses) + "; omit for all.")
            .ResolveAsync(async ctx =>
            {
                var (db, caller) = Of(ctx);
                var status = OneOf(ctx, "status", OrderStatuses);
                var query = db.Orders.Where(o => o.BrandId == caller.BrandId);
                if (status is not null) query = query.Where(o => o.Status == status);
                return await Read(ctx, query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id),
                    rows => rows.Select(OrderMapper.View).ToList());
            });

        Page<PayoutView>("payouts", "Payouts to the brand, newest first (as GET /v1/payouts).")
            .Argument<StringGraphType>("status", "pending, sent, settled or failed; omit for all.")
            .ResolveAsync(async ctx =>
            {
                var (db, _) = Of(ctx);
                var status = OneOf(ctx, "status", ReportsPayoutStatuses);
                var query = db.Payouts.AsQueryable();
                if (status is not null) query = query.Where(p => p.Status == status);
                return await Read(ctx, query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
                    rows => rows.Select(OrderMapper.Payout).ToList());
            });

        Page<CreditSummary>("creditCodes", "Credit codes issued for the brand, newest first (as GET /v1/credits): the hint, never the code.")
            .ResolveAsync(async ctx =>
            {
                var (db, _) = Of(ctx);
                var now = ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow();
                return await Read(ctx, db.CreditCodes.OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id),
                    rows => rows.Select(c => CreditMapper.Summary(c, now)).ToList());
            });

        Field<NonNullGraphType<DecimalGraphType>>("creditOutstandingGbp")
            .Description("Credit still redeemable, from the ledger (GET /v1/credits' meta.outstanding_balance_gbp).")
            .ResolveAsync(async ctx =>
            {
                var (db, _) = Of(ctx);
                var pence = await db.Ledger.Where(e => e.Account == Money.Accounts.CreditIssued).SumAsync(e => (long?)e.AmountPence, ctx.CancellationToken) ?? 0;
                return Ledger.Pounds(-pence);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<WebhookEndpointView>>>>>("webhookEndpoints")
            .Description("The brand's webhook endpoints, oldest first (as GET /v1/webhooks/endpoints; never the secret).")
            .ResolveAsync(async ctx =>
            {
                var (db, _) = Of(ctx);
                var now = ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow();
                var rows = await db.WebhookEndpoints.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(ctx.CancellationToken);
                return rows.Select(e => WebhookMapper.View(e, now)).ToList();
            });

        Page<WebhookDeliveryView>("webhookDeliveries", "Webhook deliveries with every attempt, newest first (as GET /v1/webhooks/endpoints/{id}/deliveries), of one endpoint or all.")
            .Argument<StringGraphType>("endpointId", "Only this endpoint's deliveries; omit for every endpoint.")
            .Argument<StringGraphType>("status", "pending, succeeded or failed; omit for all.")
            .ResolveAsync(async ctx =>
            {
                var (db, _) = Of(ctx);
                var status = OneOf(ctx, "status", DeliveryStatuses);
                var endpoint = ctx.GetArgument<string?>("endpointId");
                var query = db.WebhookDeliveries.AsQueryable();
                if (endpoint is not null) query = query.Where(d => d.EndpointId == endpoint);
                if (status is not null) query = query.Where(d => d.Status == status);
                return await Read(ctx, query.OrderByDescending(d => d.Id), rows => WebhookMapper.DeliveriesAsync(db, rows, ctx.CancellationToken));
            });

        Field<NonNullGraphType<AutoRegisteringObjectGraphType<UsageReport>>>("usage")
            .Description("The brand's API usage over the last 24 hours on this environment (as GET /v1/partner/usage).")
            .ResolveAsync(async ctx =>
            {
                var (db, caller) = Of(ctx);
                return await UsageReports.BuildAsync(db, caller, ctx.RequestServices!.GetRequiredService<TimeProvider>(), ctx.CancellationToken);
            });
    }

    private static readonly string[] ListingsEndpointsStatuses = ["active", "draft", "closed", "any"];
    private static readonly string[] ReportsPayoutStatuses = ["pending", "sent", "settled", "failed"];

    private global::GraphQL.Builders.FieldBuilder<object?, object> Page<TNode>(string name, string description) =>
        Field<NonNullGraphType<NamedConnection<TNode>>>(name)
            .Description(description + " Relay cursor pagination: first (1-100, default 20) and after (an endCursor).")
            .Argument<IntGraphType>("first", "Page size, 1 to 100 (default 20).")
            .Argument<StringGraphType>("after", "Rows after this cursor (pageInfo.endCursor of the previous page).");

    private static (RepurchDb Db, Authentication.Caller Caller) Of(IResolveFieldContext ctx)
    {
        var c = GraphQLRequestContext.Of(ctx);
        return (c.Db, c.Caller);
    }

    private static string? OneOf(IResolveFieldContext ctx, string name, IReadOnlyCollection<string> allowed)
    {
        var value = ctx.GetArgument<string?>(name);
        if (value is not null && !allowed.Contains(value))
            throw new ExecutionError($"{name} must be one of {string.Join(", ", allowed)}.") { Code = GraphQLCodes.InvalidArgument };
        return value;
    }

    private static Task<global::GraphQL.Types.Relay.DataObjects.Connection<TNode>> Read<TRow, TNode>(IResolveFieldContext ctx, IQueryable<TRow> ordered, Func<List<TRow>, IReadOnlyList<TNode>> map) =>
        Connections.ReadAsync(ordered, ctx.GetArgument<int?>("first"), ctx.GetArgument<string?>("after"), rows => Task.FromResult(map(rows)), ctx.CancellationToken);

    private static async Task<global::GraphQL.Types.Relay.DataObjects.Connection<TNode>> Read<TRow, TNode>(IResolveFieldContext ctx, IQueryable<TRow> ordered, Func<List<TRow>, Task<List<TNode>>> map) =>
        await Connections.ReadAsync(ordered, ctx.GetArgument<int?>("first"), ctx.GetArgument<string?>("after"), async rows => (IReadOnlyList<TNode>)await map(rows), ctx.CancellationToken);
}
