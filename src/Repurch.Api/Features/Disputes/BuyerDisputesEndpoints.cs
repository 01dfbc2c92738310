using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Money;
using Repurch.Api.Features.Trust;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Disputes;

/// <summary>
/// The signed-in consumer's disputes (<c>/v1/me/...</c>, user token): the buyer opens one on an order it
/// placed; both the buyer and the consumer who sold the item list and read theirs. Another account's
/// order or dispute is <c>404</c>, like one that does not exist.
/// </summary>
public static class BuyerDisputesEndpoints
{
    public const long OpenBodyLimit = 64 * 1024;

    public static IEndpointRouteBuilder MapBuyerDisputes(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/v1/me").WithTags("Disputes").RequireAuthorization(Policies.Consumer);
        var forbidden = CommonErrors.Forbidden.DescribedAs("The credential is not a consumer's user token.");
        ErrorCode[] auth = [CommonErrors.MissingBearer, CommonErrors.InvalidToken, forbidden];

        me.MapPost("/orders/{id}/disputes", Open).WithName("OpenDispute").WithSummary("Open a dispute on my order")
            .JsonRequest<DisputeOpen>().BodyLimit(OpenBodyLimit)
            .WithDescription("""
                The buyer who placed the order disputes it while the money is in escrow (`paid`: not yet released, refunded or cancelled). The order becomes `disputed` at once, which stops the auto-release, and the brand receives `dispute.opened`. `text` is screened like every message: a held or blocked text is kept (the answer's `text_status` says which) but not shown to the seller side. One dispute per order: of two concurrent opens one is `201`, the other `409 dispute_exists`. Bodies are capped at 64 KB.
                """ + " " + DisputeStates.Lifecycle)
            .Errors([.. auth,
                MoneyErrors.OrderNotFound.DescribedAs("No order with this id was placed by this account (another buyer's order reads the same)."),
                DisputeErrors.OrderNotDisputable, DisputeErrors.DisputeExists,
                CommonErrors.ValidationFailed.DescribedAs("Field codes in `data.errors`: `reason_required`, `reason_invalid` (not `not_received`, `not_as_described`, `damaged` or `other`), `text_required`, `text_invalid` (not a string, or control characters other than line breaks and tabs), `text_too_long` (over 4000 characters), `<field>_unknown`, `<field>_duplicate`."),
                CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge.DescribedAs("Body is larger than 64 KB."), CommonErrors.UnsupportedMediaType]);
        me.MapGet("/disputes", List).WithBrandSession().WithName("ListMyDisputes").WithSummary("List my disputes")
            .WithDescription("Disputes on orders this account placed, and on its own trade-ins that someone bought (then as the seller side: a held opening text is not shown), newest first.")
            .Query("page", Microsoft.OpenApi.JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", Microsoft.OpenApi.JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Errors([.. auth, CommonErrors.InvalidParameter.DescribedAs("page or per_page out of range.")]);
        me.MapGet("/disputes/{id}", Get).WithBrandSession().WithName("GetMyDispute").WithSummary("Retrieve my dispute")
            .WithDescription("One of this account's disputes (as buyer or seller). " + DisputeStates.Lifecycle)
            .Errors([.. auth, DisputeErrors.NotFound]);
        return app;
    }

    private static async Task<Results<Created<DisputeView>, ApiErrorResult>> Open(
        string id, HttpContext http, DataPlanes planes, MessageScreener screener, DisputeOpener opener, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Dispute could not be opened", ["reason_required", "text_required"]);
        using var doc = body.Document!;
        var errors = new List<string>();
        var input = DisputeInput.ReadOpen(body.Root, errors);
        if (input is null) return Problems.Validation("Dispute could not be opened", errors);
        if (id.Length > 40 || caller.AccountId is not { } account) return MoneyErrors.OrderNotFound.Result();

        await using var db = planes.Open(caller.Plane, caller.BrandId);
        var screening = await screener.ScreenAsync(db, caller.BrandId, input.Text, ct);
        DisputeOpener.Opened opened;
        try
        {
            opened = await opener.OpenAsync(db, new DisputeOpener.Request(id, account, input.Reason, input.Text,
                DisputeEvidence.StatusOf(screening.Verdict), [.. screening.Reasons], null, caller, o => o.BuyerAccountId == account), ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return DisputeErrors.DisputeExists.Result();
        }
        return opened.Result switch
        {
            DisputeOpener.Result.Opened => TypedResults.Created($"/v1/me/disputes/{opened.Dispute!.Id}",
                DisputeMapper.View(opened.Dispute, DisputeStates.BuyerSide, clock.GetUtcNow())),
            DisputeOpener.Result.AlreadyOpen => DisputeErrors.DisputeExists.Result(),
            DisputeOpener.Result.NotDisputable => DisputeErrors.OrderNotDisputable.Result($"The order is {opened.Order!.Status}; only a paid order (money in escrow) can be disputed."),
            _ => MoneyErrors.OrderNotFound.Result(),
        };
    }

    /// <summary>The account's disputes: as the buyer, or as the consumer seller of the disputed order.</summary>
    private static IQueryable<Dispute> Mine(RepurchDb db, string account) =>
        db.Disputes.Where(d => d.BuyerAccountId == account
            || db.Orders.Any(o => o.Id == d.OrderId && db.Sellers.Any(s => s.Id == o.SellerId && s.AccountId == account)));

    private static async Task<Results<Ok<DisputePage>, ApiErrorResult>> List(HttpContext http, RepurchDb db, TimeProvider clock, string? page, string? per_page, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!Paging.TryParse(page, per_page, out var pageNo, out var perPage, out var error)) return error!;
        var account = caller.AccountId!;
        var rows = await Paging.ReadPageAsync(Mine(db, account).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id), pageNo, perPage, http, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new DisputePage(
            [.. rows.Items.Select(d => DisputeMapper.View(d, d.BuyerAccountId == account ? DisputeStates.BuyerSide : DisputeStates.SellerSide, now))],
            rows.Meta(caller.BrandId)));
    }

    private static async Task<Results<Ok<DisputeView>, ApiErrorResult>> Get(string id, HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var account = caller.AccountId!;
        if (id.Length > 40) return DisputeErrors.NotFound.Result();
        var dispute = await Mine(db, account).FirstOrDefaultAsync(d => d.Id == id, ct);
        return dispute is null
            ? DisputeErrors.NotFound.Result()
            : TypedResults.Ok(DisputeMapper.View(dispute, dispute.BuyerAccountId == account ? DisputeStates.BuyerSide : DisputeStates.SellerSide, clock.GetUtcNow()));
    }
}
