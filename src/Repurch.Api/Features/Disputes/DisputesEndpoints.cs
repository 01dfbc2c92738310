using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Money;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Disputes;

/// <summary>
/// Disputes as the seller side and the platform see them: a partner admin key reads its brand's
/// disputes; the operator key (<see cref="Roles.Operator"/>) reads every brand's and resolves them. The
/// operator finds a dispute's brand through the <c>dispute_brand</c> SECURITY DEFINER look-up (brand id
/// only) and then works in that brand's own session, so row-level security still checks every row.
/// </summary>
public static class DisputesEndpoints
{
    public const string Base = "/v1/disputes";

    private static bool IsOperator(ClaimsPrincipal user) => user.IsInRole(Roles.Operator) && user.HasClaim("brand_id", Roles.OperatorBrand);

    private static bool IsAdmin(ClaimsPrincipal user, string scope) => user.IsInRole(Roles.Admin) && user.HasClaim("scope", scope);

    public static IEndpointRouteBuilder MapDisputes(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup(Base).WithTags("Disputes")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireAssertion(c => IsOperator(c.User) || IsAdmin(c.User, Scopes.Read)));
        var resolve = app.MapGroup(Base).WithTags("Disputes").RequireAuthorization(Policies.Operator);
        var forbidden = CommonErrors.Forbidden.DescribedAs("The key is neither a partner admin key with the `read` scope nor the platform's operator key.");
        ErrorCode[] auth = [CommonErrors.MissingBearer, CommonErrors.InvalidToken, forbidden];

        read.MapGet("/", List).WithName("ListDisputes").WithSummary("List disputes")
            .WithDescription("A partner admin key: the brand's disputes (its own stock and its consumers' trade-ins), newest first. The operator key: every brand's, filterable by `brand_id`. " +
                "`status` filters by the state the API answers (a seller that missed its deadline is `under_review`); `overdue=true` keeps disputes past the operator's decision deadline. " + DisputeStates.Lifecycle)
            .Query("page", Microsoft.OpenApi.JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", Microsoft.OpenApi.JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Query("status", Microsoft.OpenApi.JsonSchemaType.String, "Only disputes in this state.", values: DisputeStates.All)
            .Query("overdue", Microsoft.OpenApi.JsonSchemaType.String, "`true`: only undecided disputes past `decision_due_at`.", values: ["true", "false"])
            .Query("brand_id", Microsoft.OpenApi.JsonSchemaType.String, "Operator only: one brand's disputes. A partner key sees its own brand whatever this says.")
            .Query("order_id", Microsoft.OpenApi.JsonSchemaType.String, "Only the disputes of this order.")
            .Errors([.. auth, CommonErrors.InvalidParameter.DescribedAs("A query parameter is out of range or not an allowed value.")]);
        read.MapGet("/{id}", Get).WithName("GetDispute").WithSummary("Retrieve a dispute")
            .WithDescription("One dispute of the brand (partner admin key) or of any brand (operator key). The seller side sees the buyer's opening text only if screening delivered it. " + DisputeStates.Lifecycle)
            .Errors([.. auth, DisputeErrors.NotFound]);
        resolve.MapPost("/{id}/resolve", Resolve).WithName("ResolveDispute").WithSummary("Resolve a dispute (operator)")
            .JsonRequest<DisputeResolve>().BodyLimit(16 * 1024)
            .WithDescription("""
                The platform operator's decision, for a dispute of any brand; partner keys are `403`. The money moves at once, through the ledger (every posting balances and the reconciliation report ties):
                - `refund`: the whole amount goes back to the buyer through the payment provider; the order is `refunded`.
                - `release`: escrow is released as on confirmed receipt (commission, VAT and delivery contribution kept; a payout to the partner, or a credit code to a consumer seller); the order is `completed`.
                - `partial_refund` with `amount_gbp` (more than 0, less than the order amount): that much goes back to the buyer and the rest is released; the order is `partially_refunded` with `refunded_gbp`. Commission and its VAT are pro rata of what the seller side keeps, the delivery contribution stays whole (the delivery was made), and the payout is the rest. Example: a £600 clearance sale (commission £90, VAT £18, delivery £60, payout £432) partially refunded £150 keeps £450: commission £67.50, VAT £13.50, delivery £60, payout £309.
                Emits `dispute.resolved` to the brand's webhooks. Of two concurrent decisions one is `200` and the other `409 dispute_resolved`. A provider that refuses or fails leaves the dispute and the order as they were. Bodies are capped at 16 KB.
                """)
            .Errors([CommonErrors.MissingBearer, CommonErrors.InvalidToken, CommonErrors.Forbidden.DescribedAs("The key is not the platform's operator key."),
                DisputeErrors.NotFound, DisputeErrors.AlreadyResolved,
                CommonErrors.ValidationFailed.DescribedAs("Field codes in `data.errors`: `outcome_required`, `outcome_invalid`, `amount_gbp_required` (partial_refund without it), `amount_gbp_invalid` (not a positive number of pounds with at most 2 decimals, not less than the order amount, or so large that the seller side would keep less than the commission, its VAT and the delivery contribution: refund in full instead), `amount_gbp_not_allowed` (sent with refund or release), `<field>_unknown`, `<field>_duplicate`."),
                CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge.DescribedAs("Body is larger than 16 KB."), CommonErrors.UnsupportedMediaType,
                MoneyErrors.OrderStateInvalid.DescribedAs("The dispute's order is not `disputed` (it was changed outside the dispute)."),
                MoneyErrors.PaymentDeclined.DescribedAs("The provider refused the refund; nothing changed."), MoneyErrors.PaymentProviderUnavailable]);
        var partiesRead = app.MapGroup(Base).WithTags("Disputes")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireAssertion(c => IsParty(c.User, Scopes.Read)));
        var partiesWrite = app.MapGroup(Base).WithTags("Disputes")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireAssertion(c => IsParty(c.User, Scopes.Write)));
        var partyForbidden = CommonErrors.Forbidden.DescribedAs("The credential is not a party's: a partner admin key (with the `read` or `write` scope the method needs), the operator key, or a consumer user token.");
        ErrorCode[] partyAuth = [CommonErrors.MissingBearer, CommonErrors.InvalidToken, partyForbidden];
        partiesWrite.MapPost("/{id}/messages", AddMessage).WithName("AddDisputeMessage").WithSummary("Add evidence to a dispute")
            .JsonRequest<DisputeMessageCreate>().BodyLimit(MessageBodyLimit)
            .WithDescription("""
                Evidence from one side: the buyer (its user token), the seller side (the brand's partner admin key, or the consumer who sold it with their user token) or the operator. The text is screened before anyone else sees it (the brand's trust policy): the answer is `201` with `status` `delivered`, `held` or `blocked` and `reasons`, so the sender learns why. A held or blocked message is kept and shown only to its author's side and the operator, never to the other side. Photos are attachment ids from `POST /v1/listings/upload-photo` of the same brand. The seller side's first delivered message moves `awaiting_seller` to `awaiting_buyer`; the buyer's next delivered one moves it to `under_review`. Messages are append-only. Bodies are capped at 64 KB.
                """)
            .Errors([.. partyAuth, DisputeErrors.NotFound, DisputeErrors.AlreadyResolved,
                CommonErrors.ValidationFailed.DescribedAs("Field codes in `data.errors`: `text_required`, `text_invalid` (not a string, or control characters other than line breaks and tabs), `text_too_long` (over 4000 characters), `photo_ids_invalid` (not a list of at most 10 positive integers), `photo_ids_not_found` (not this brand's uploads), `<field>_unknown`, `<field>_duplicate`."),
                CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge.DescribedAs("Body is larger than 64 KB."), CommonErrors.UnsupportedMediaType]);
        partiesRead.MapGet("/{id}/messages", Messages).WithName("ListDisputeMessages").WithSummary("List a dispute's evidence")
            .WithDescription("Oldest first, paged. Each side sees the other side's delivered messages and all of its own (with their status and reasons); the operator sees every message.")
            .Query("page", Microsoft.OpenApi.JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", Microsoft.OpenApi.JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Errors([.. partyAuth, DisputeErrors.NotFound, CommonErrors.InvalidParameter.DescribedAs("page or per_page out of range.")]);
        return app;
    }

    public const long MessageBodyLimit = 64 * 1024;

    private static bool IsParty(ClaimsPrincipal user, string scope) => IsOperator(user) || IsAdmin(user, scope) || IsConsumer(user);

    private static bool IsConsumer(ClaimsPrincipal user) => user.IsInRole(Roles.Consumer) && user.HasClaim(c => c.Type == AccessTokens.AccountClaim);

    private static async Task<Results<Created<DisputeMessageView>, ApiErrorResult>> AddMessage(
        string id, HttpContext http, DataPlanes planes, DisputeEvidence evidence, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Message could not be added", ["text_required"]);
        using var doc = body.Document!;
        var errors = new List<string>();
        var input = DisputeInput.ReadMessage(body.Root, errors);
        if (input is null) return Problems.Validation("Message could not be added", errors);
        if (await ScopeAsync(caller, planes, id, ct) is not { } scope) return DisputeErrors.NotFound.Result();
        await using var db = planes.Open(caller.Plane, scope.Brand);
        var added = await evidence.AddAsync(db, id, d => SideAsync(caller, scope.Side, db, d, ct), AuthorId(caller), input, caller, ct);
        return added.Result switch
        {
            DisputeEvidence.Result.Added => TypedResults.Created($"{Base}/{id}/messages", DisputeMapper.View(added.Message!)),
            DisputeEvidence.Result.Resolved => DisputeErrors.AlreadyResolved.Result(),
            DisputeEvidence.Result.PhotosNotFound => Problems.Validation("Message could not be added", ["photo_ids_not_found"]),
            _ => DisputeErrors.NotFound.Result(),
        };
    }

    private static async Task<Results<Ok<DisputeMessagePage>, ApiErrorResult>> Messages(
        string id, HttpContext http, DataPlanes planes, string? page, string? per_page, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!Paging.TryParse(page, per_page, out var pageNo, out var perPage, out var error)) return error!;
        if (await ScopeAsync(caller, planes, id, ct) is not { } scope) return DisputeErrors.NotFound.Result();
        await using var db = planes.Open(caller.Plane, scope.Brand);
        await db.Database.OpenConnectionAsync(ct);
        var dispute = await db.Disputes.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dispute is null || await SideAsync(caller, scope.Side, db, dispute, ct) is not { } side) return DisputeErrors.NotFound.Result();
        var query = db.DisputeMessages.Where(m => m.DisputeId == id);
        // The other side never sees what screening held or blocked.
        if (side != DisputeStates.OperatorSide) query = query.Where(m => m.Status == "delivered" || m.AuthorSide == side);
        var rows = await Paging.ReadPageAsync(query.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id), pageNo, perPage, http, ct);
        return TypedResults.Ok(new DisputeMessagePage([.. rows.Items.Select(DisputeMapper.View)], rows.Meta(scope.Brand)));
    }

    /// <summary>Who wrote it: the consumer's account, else the key.</summary>
    private static string AuthorId(Caller caller) => caller.AccountId ?? caller.KeyId.ToString();

    /// <summary>
    /// The caller's side: a key's is fixed (the brand is the seller side, the operator the operator); a consumer
    /// is the buyer of the disputed order, or the seller whose trade-in it was, or no party (null: not found).
    /// </summary>
    public static async Task<string?> SideAsync(Caller caller, string keySide, RepurchDb db, Dispute dispute, CancellationToken ct)
    {
        if (caller.Role != Roles.Consumer) return keySide;
        if (caller.AccountId is not { } account) return null;
        if (dispute.BuyerAccountId == account) return DisputeStates.BuyerSide;
        var sold = await db.Orders.AnyAsync(o => o.Id == dispute.OrderId && db.Sellers.Any(s => s.Id == o.SellerId && s.AccountId == account), ct);
        return sold ? DisputeStates.SellerSide : null;
    }

    /// <summary>The brand whose session holds the dispute, and the caller's side in it; null when the caller may not see it.</summary>
    private static async Task<(string Brand, string Side)?> ScopeAsync(Caller caller, DataPlanes planes, string id, CancellationToken ct)
    {
        if (id.Length > 40) return null;
        // A consumer's side depends on the dispute (SideAsync); the brand's is the seller side.
        if (caller.Role != Roles.Operator) return (caller.BrandId, DisputeStates.SellerSide);
        await using var cmd = planes.For(caller.Plane).CreateCommand("SELECT dispute_brand($1)");
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        return await cmd.ExecuteScalarAsync(ct) is string brand ? (brand, DisputeStates.OperatorSide) : null;
    }

    private static async Task<Results<Ok<DisputePage>, ApiErrorResult>> List(HttpContext http, RepurchDb db, TimeProvider clock,
        string? page, string? per_page, string? status, string? overdue, string? brand_id, string? order_id, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!Paging.TryParse(page, per_page, out var pageNo, out var perPage, out var error)) return error!;
        if (status is not null && !DisputeStates.All.Contains(status))
            return Problems.InvalidParameter("status", "status_invalid", "status must be awaiting_seller, awaiting_buyer, under_review or resolved.");
        if (overdue is not null and not ("true" or "false"))
            return Problems.InvalidParameter("overdue", "overdue_invalid", "overdue must be true or false.");
        if (brand_id is { Length: > TenantKeyConvention.BrandIdLength }) return Problems.InvalidParameter("brand_id", "brand_id_invalid", "brand_id is too long.");
        if (order_id is { Length: > 40 }) return Problems.InvalidParameter("order_id", "order_id_invalid", "order_id is too long.");
        var now = clock.GetUtcNow();
        await db.OpenBrandSessionAsync(ct);
        var operatorView = caller.Role == Roles.Operator;
        // The operator's list crosses brands: a SECURITY DEFINER function that answers only a live operator key.
        var query = operatorView ? db.Disputes.FromSql($"SELECT * FROM operator_disputes({caller.KeyId})") : db.Disputes;
        if (operatorView && brand_id is not null) query = query.Where(d => d.BrandId == brand_id);
        if (order_id is not null) query = query.Where(d => d.OrderId == order_id);
        query = status switch
        {
            null => query,
            DisputeStates.UnderReview => query.Where(d => d.Status == status || (d.Status == DisputeStates.AwaitingSeller && d.SellerResponseDueAt <= now)),
            DisputeStates.AwaitingSeller => query.Where(d => d.Status == status && d.SellerResponseDueAt > now),
            _ => query.Where(d => d.Status == status),
        };
        if (overdue == "true") query = query.Where(d => d.Status != DisputeStates.Resolved && d.DecisionDueAt <= now);
        if (overdue == "false") query = query.Where(d => d.Status == DisputeStates.Resolved || d.DecisionDueAt > now);
        var rows = await Paging.ReadPageAsync(query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id), pageNo, perPage, http, ct);
        var side = operatorView ? DisputeStates.OperatorSide : DisputeStates.SellerSide;
        return TypedResults.Ok(new DisputePage([.. rows.Items.Select(d => DisputeMapper.View(d, side, now))], rows.Meta(caller.BrandId)));
    }

    private static async Task<Results<Ok<DisputeView>, ApiErrorResult>> Get(string id, HttpContext http, DataPlanes planes, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        if (await ScopeAsync(caller, planes, id, ct) is not { } scope) return DisputeErrors.NotFound.Result();
        var (brand, side) = scope;
        await using var db = planes.Open(caller.Plane, brand);
        var dispute = await db.Disputes.FirstOrDefaultAsync(d => d.Id == id, ct);
        return dispute is null ? DisputeErrors.NotFound.Result() : TypedResults.Ok(DisputeMapper.View(dispute, side, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<DisputeView>, ApiErrorResult>> Resolve(
        string id, HttpContext http, DataPlanes planes, DisputeResolver resolver, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Dispute could not be resolved", ["outcome_required"]);
        using var doc = body.Document!;
        var errors = new List<string>();
        var input = DisputeInput.ReadResolve(body.Root, errors);
        if (input is null) return Problems.Validation("Dispute could not be resolved", errors);
        if (await ScopeAsync(caller, planes, id, ct) is not { } scope) return DisputeErrors.NotFound.Result();
        await using var db = planes.Open(caller.Plane, scope.Brand);
        var result = await resolver.ResolveAsync(db, id, input.Outcome, input.Amount, DisputeStates.OperatorSide, providerRefunded: false, caller, ct);
        return result.Result switch
        {
            DisputeResolver.Result.Resolved => TypedResults.Ok(DisputeMapper.View(result.Dispute!, DisputeStates.OperatorSide, clock.GetUtcNow())),
            DisputeResolver.Result.NotFound => DisputeErrors.NotFound.Result(),
            DisputeResolver.Result.AlreadyResolved => DisputeErrors.AlreadyResolved.Result(),
            DisputeResolver.Result.AmountInvalid => Problems.Validation("Dispute could not be resolved", ["amount_gbp_invalid"]),
            DisputeResolver.Result.Declined => MoneyErrors.PaymentDeclined.Result($"The payment provider declined the refund: {result.Reason ?? "no reason given"}."),
            DisputeResolver.Result.Unavailable => MoneyErrors.PaymentProviderUnavailable.Result(),
            _ => MoneyErrors.OrderStateInvalid.Result($"The dispute's order is {result.Reason}; it cannot be settled by this dispute."),
        };
    }
}
