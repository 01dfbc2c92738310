using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Audit;
using Repurch.Api.Features.Money;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Credits;

/// <summary>
/// Credit codes at the partner's checkout (redeem, validate, reverse; the brand's list) and the
/// seller's own view through the storefront. A code is found only under the brand that issued it
/// (row-level security plus the brand inside the code's HMAC). Another brand's code is
/// <c>code_other_brand</c>, decided by a SECURITY DEFINER function over a brand-free keyed hash that
/// answers yes or no and nothing else.
/// </summary>
public static class CreditsEndpoints
{
    public const int MaxOrderReference = 200;
    private const long BodyLimit = 16 * 1024;

    public static IEndpointRouteBuilder MapCredits(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1").WithTags("Credits").RequireAuthorization(Policies.PartnerRead);
        var write = app.MapGroup("/v1").WithTags("Credits").RequireAuthorization(Policies.PartnerWrite);
        ErrorCode[] codeErrors =
        [
            CreditErrors.CodeInvalid, CreditErrors.CodeOtherBrand, CreditErrors.CodeExpired, CreditErrors.CodeVoided,
            CreditErrors.CodeAlreadyRedeemed, CreditErrors.TooManyCodeAttempts,
            CommonErrors.ValidationFailed.DescribedAs("`code_required`, `code_invalid` (not a string), `order_reference_required`, `order_reference_invalid`, `order_reference_too_long` (over 200 characters), `<field>_unknown`, `<field>_duplicate`."),
            CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge.DescribedAs("Body is larger than 16 KB."), CommonErrors.UnsupportedMediaType,
        ];

        write.MapPost("/codes/redeem", Redeem).WithName("RedeemCode").WithSummary("Redeem a credit code")
            .JsonRequest<CodeCheck>().BodyLimit(BodyLimit)
            .WithDescription("The one call a checkout needs: checks the code the customer pasted (case, spaces and hyphens do not matter) and, when it is good, marks it redeemed against your `order_reference` and returns the £ amount to apply. Single-use: of any number of concurrent redeems of one code exactly one succeeds. Send an `Idempotency-Key` so a retried call replays the first answer instead of failing as already redeemed. Emits `credit.redeemed`; refused guesses are audited.")
            .Errors([.. CommonErrors.Auth, .. codeErrors]);
        read.MapPost("/codes/validate", Validate).WithName("ValidateCode").WithSummary("Check a credit code without redeeming it")
            .JsonRequest<CodeCheck>().BodyLimit(BodyLimit)
            .WithDescription("Same checks and answers as redeem, but nothing is redeemed (`order_reference` is optional here). Needs the `read` scope.")
            .Errors([.. CommonErrors.Auth, .. codeErrors]);
        write.MapPost("/codes/redemptions/{id}/reverse", Reverse).WithName("ReverseRedemption").WithSummary("Reverse a redemption")
            .WithDescription("Your order was refunded or cancelled: the code becomes redeemable again with its full amount.")
            .Errors([.. CommonErrors.Auth, CreditErrors.RedemptionNotFound, CreditErrors.RedemptionAlreadyReversed]);
        read.MapGet("/credits", List).WithBrandSession().WithName("ListCredits").WithSummary("List the brand's credit codes")
            .WithDescription("Every credit code issued for the brand, newest first: status (`active`, `redeemed`, `expired`, `voided`), amount, issued/redeemed times and your order reference. Codes themselves are never shown here, only `code_hint` (the last four characters). `meta.outstanding_balance_gbp` is the credit still redeemable, from the ledger.")
            .Query("page", Microsoft.OpenApi.JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", Microsoft.OpenApi.JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Errors([.. CommonErrors.Auth, CommonErrors.InvalidParameter.DescribedAs("page or per_page out of range.")]);
        app.MapGet("/v1/marketplace/sellers/{sellerId}/credits", SellerView).WithTags("Credits").RequireAuthorization(Policies.MarketplaceRead)
            .WithName("ListSellerCredits").WithSummary("A seller's own credit codes, in full")
            .WithDescription("For the storefront to show a consumer seller (whom it has authenticated) the codes their trade-ins earned, in full (`ABCD-EFGH-JKLMN`): only the codes earned by sales placed through this marketplace's own orders. A seller who has never sold through this marketplace is `404 seller_not_found`, exactly like an unknown id, so seller ids cannot be probed from another storefront. Every call is recorded in the issuing brand's audit log (`credit.codes_viewed`: which marketplace key read which credit ids; never the codes). Marketplace keys only.")
            .Errors([CommonErrors.MissingBearer, CommonErrors.InvalidToken, CommonErrors.Forbidden.DescribedAs("Not a marketplace key with the `read` scope."), CreditErrors.SellerNotFound]);
        app.MapGet("/v1/me/credits", MyCredits).WithTags("Credits").RequireAuthorization(Policies.Consumer).WithBrandSession()
            .WithName("ListMyCredits").WithSummary("The signed-in seller's credit codes, in full")
            .WithDescription("The credit codes the account's trade-ins earned (every sale of them, through any storefront of the brand), newest first, in full (`ABCD-EFGH-JKLMN`) as " +
                "`GET /v1/marketplace/sellers/{id}/credits` shows them: status (`active`, `redeemed`, `expired`, `voided`), amount, issue, expiry and redemption times. " +
                "An account that has never sold has an empty list. Every call that shows codes is recorded in the brand's audit log (`credit.codes_viewed`: which account read which credit ids; never the codes).")
            .Query("page", Microsoft.OpenApi.JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", Microsoft.OpenApi.JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Errors([.. CommonErrors.ConsumerAuth, CommonErrors.InvalidParameter.DescribedAs("page or per_page out of range.")]);
        return app;
    }

    private static ApiErrorResult OtherBrand() =>
        CreditErrors.CodeOtherBrand.Result();

    private static ApiErrorResult Invalid() => CreditErrors.CodeInvalid.Result();

    private static string Status(CreditCode c, DateTimeOffset now) =>
        c.Status == "active" && c.ExpiresAt <= now ? "expired" : c.Status;

    private sealed record Input(string Code, string? OrderReference);

    private static readonly string[] InputFields = ["code", "order_reference"];

    private static async Task<(Input?, ApiErrorResult?)> ReadAsync(HttpContext http, bool referenceRequired, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return (null, body.Error);
        var errors = new List<string>();
        string? code = null, reference = null;
        using var doc = body.Document;
        var referencePresence = referenceRequired ? FieldPresence.Required : FieldPresence.Optional;
        if (body.Empty)
        {
            errors.Add("code_required");
            if (referenceRequired) errors.Add("order_reference_required");
        }
        else
        {
            var r = new FieldReader(body.Root, InputFields, errors, creating: true);
            // The code is judged by CreditCodeVault.Normalize (spaces and hyphens do not matter), not here.
            code = r.Text("code", int.MaxValue, FieldPresence.Required, multiline: true).Value;
            reference = r.Text("order_reference", MaxOrderReference, referencePresence).Value;
        }
        return errors.Count > 0 ? (null, Problems.Validation("Code could not be checked", errors)) : (new Input(code!, reference), null);
    }

    /// <summary>The brake on guessing: refused when this key has made too many invalid guesses in the window.</summary>
    private static async Task<ApiErrorResult?> GuessLimitAsync(HttpContext http, RepurchDb db, MoneyOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var caller = http.Caller();
        var counter = await db.CodeAttempts.FirstOrDefaultAsync(a => a.KeyId == caller.KeyId, ct);
        var window = TimeSpan.FromMinutes(options.CodeGuessWindowMinutes);
        if (counter is null || counter.WindowStart + window <= now || counter.Failures < options.CodeGuessLimit) return null;
        var retry = (int)Math.Ceiling((counter.WindowStart + window - now).TotalSeconds);
        http.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        return CreditErrors.TooManyCodeAttempts.Result($"Too many invalid codes from this key. Try again in {retry} seconds.");
    }

    /// <summary>Counts an invalid guess against the key (a fresh window when the last one ended) and audits it.</summary>
    private static async Task RecordGuessAsync(HttpContext http, RepurchDb db, MoneyOptions options, string action, DateTimeOffset now, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var windowStart = now - TimeSpan.FromMinutes(options.CodeGuessWindowMinutes);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO code_attempts (brand_id, key_id, window_start, failures) VALUES ({caller.BrandId}, {caller.KeyId}, {now}, 1)
            ON CONFLICT (brand_id, key_id) DO UPDATE SET
              failures = CASE WHEN code_attempts.window_start <= {windowStart} THEN 1 ELSE code_attempts.failures + 1 END,
              window_start = CASE WHEN code_attempts.window_start <= {windowStart} THEN {now} ELSE code_attempts.window_start END
            """, ct);
        // The audit never holds what was typed: a near-miss of a real code is still a secret.
        await AuditLog.RecordAsync(db, caller, action, null, new Dictionary<string, FieldChange> { ["result"] = new(null, "code_invalid") }, clock, ct, emitEvent: false);
        await db.SaveChangesAsync(ct);
    }

    private static ApiErrorResult? Refusal(CreditCode code, DateTimeOffset now) => Status(code, now) switch
    {
        "active" => null,
        "expired" => CreditErrors.CodeExpired.Result(),
        "voided" => CreditErrors.CodeVoided.Result(),
        _ => CreditErrors.CodeAlreadyRedeemed.Result(),
    };

    private static async Task<(CreditCode?, ApiErrorResult?)> FindAsync(HttpContext http, RepurchDb db, CreditCodeVault vault, MoneyOptions options,
        Input input, string auditAction, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var now = clock.GetUtcNow();
        await db.OpenBrandSessionAsync(ct);
        if (await GuessLimitAsync(http, db, options, now, ct) is { } limited) return (null, limited);
        // A typo (wrong length, a character outside the alphabet, a failed check character) cannot be a code.
        if (CreditCodeVault.Normalize(input.Code) is not { } canonical) return (null, Invalid());
        var hash = vault.LookupHash(caller.BrandId, canonical);
        var code = await db.CreditCodes.FirstOrDefaultAsync(c => c.CodeHash == hash, ct);
        if (code is null)
        {
            await RecordGuessAsync(http, db, options, auditAction, now, clock, ct);
            // A customer who pastes another retailer's code is told so (never which retailer, its amount or state).
            var global = vault.GlobalHash(canonical);
            var elsewhere = await db.Database.SqlQuery<bool>($"SELECT credit_code_elsewhere({global}, {caller.BrandId}) AS \"Value\"").SingleAsync(ct);
            return (null, elsewhere ? OtherBrand() : Invalid());
        }
        return (code, null);
    }

    private static async Task<Results<Ok<CodeValidity>, ApiErrorResult>> Validate(
        HttpContext http, RepurchDb db, CreditCodeVault vault, MoneyOptions options, TimeProvider clock, CancellationToken ct)
    {
        var (input, error) = await ReadAsync(http, referenceRequired: false, ct);
        if (error is not null) return error;
        var (code, refused) = await FindAsync(http, db, vault, options, input!, "credit.validate_refused", clock, ct);
        if (refused is not null) return refused;
        if (Refusal(code!, clock.GetUtcNow()) is { } state) return state;
        return TypedResults.Ok(new CodeValidity(true, code!.Id, code.Amount, "GBP", WireFormat.Timestamp(code.ExpiresAt)));
    }

    private static async Task<Results<Ok<Redemption>, ApiErrorResult>> Redeem(
        HttpContext http, RepurchDb db, CreditCodeVault vault, MoneyOptions options, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var (input, error) = await ReadAsync(http, referenceRequired: true, ct);
        if (error is not null) return error;
        var (code, refused) = await FindAsync(http, db, vault, options, input!, "credit.redeem_refused", clock, ct);
        if (refused is not null) return refused;
        var now = clock.GetUtcNow();
        if (Refusal(code!, now) is { } state) return state;

        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        var redemptionId = PublicIds.New("red_");
        // Single use, decided by the database: of concurrent redeems one update finds the code active; the rest wait on the row and find it redeemed.
        var won = await db.CreditCodes
            .Where(c => c.Id == code!.Id && c.Status == "active" && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, "redeemed").SetProperty(c => c.RedeemedAt, now)
                .SetProperty(c => c.OrderReference, input!.OrderReference).SetProperty(c => c.RedemptionId, redemptionId), ct);
        if (won == 0)
        {
            var current = await db.CreditCodes.FirstAsync(c => c.Id == code!.Id, ct);
            return Refusal(current, now) ?? CreditErrors.CodeAlreadyRedeemed.Result();
        }
        db.CreditRedemptions.Add(new CreditRedemption
        {
            Id = redemptionId, BrandId = caller.BrandId, CodeId = code!.Id, OrderReference = input!.OrderReference!, Amount = code.Amount,
            KeyId = caller.KeyId, CreatedAt = now,
        });
        Ledger.CreditRedeemed(code, redemptionId).AddTo(db, caller.BrandId, now);
        var redemption = new Redemption(redemptionId, true, code.Id, code.Amount, "GBP", input.OrderReference!, WireFormat.Timestamp(now), null);
        Outbox.Emit(db, caller.BrandId, MoneyEvents.CreditRedeemed, new CreditRedeemedEvent(redemptionId, code.Id, code.Amount, input.OrderReference!, redemption.RedeemedAt), clock);
        await AuditLog.RecordAsync(db, caller, MoneyEvents.CreditRedeemed, code.Id,
            new Dictionary<string, FieldChange> { ["status"] = new("active", "redeemed"), ["order_reference"] = new(null, input.OrderReference) }, clock, ct, emitEvent: false);
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(redemption);
    }

    private static async Task<Results<Ok<Redemption>, ApiErrorResult>> Reverse(
        string id, HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        if (id.Length > 40) return CreditErrors.RedemptionNotFound.Result();
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        var redemption = await Locks.LockRowAsync<CreditRedemption>(db, id, ct);
        if (redemption is null) return CreditErrors.RedemptionNotFound.Result();
        if (redemption.ReversedAt is not null) return CreditErrors.RedemptionAlreadyReversed.Result();
        var now = clock.GetUtcNow();
        redemption.ReversedAt = now;
        await db.CreditCodes.Where(c => c.Id == redemption.CodeId && c.RedemptionId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, "active").SetProperty(c => c.RedeemedAt, (DateTimeOffset?)null)
                .SetProperty(c => c.OrderReference, (string?)null).SetProperty(c => c.RedemptionId, (string?)null), ct);
        Ledger.CreditReversed(redemption).AddTo(db, caller.BrandId, now);
        await AuditLog.RecordAsync(db, caller, "credit.redemption_reversed", redemption.CodeId,
            new Dictionary<string, FieldChange> { ["status"] = new("redeemed", "active") }, clock, ct);
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(new Redemption(redemption.Id, false, redemption.CodeId, redemption.Amount, "GBP", redemption.OrderReference,
            WireFormat.Timestamp(redemption.CreatedAt), WireFormat.Timestamp(now)));
    }

    private static async Task<Results<Ok<CreditsPage>, ApiErrorResult>> List(
        HttpContext http, RepurchDb db, TimeProvider clock, string? page, string? per_page, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!Paging.TryParse(page, per_page, out var pageNo, out var perPage, out var pagingError)) return pagingError!;
        var rows = await Paging.ReadPageAsync(db.CreditCodes.OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id), pageNo, perPage, http, ct);
        var outstanding = -await db.Ledger.Where(e => e.Account == Money.Accounts.CreditIssued).SumAsync(e => (long?)e.AmountPence, ct) ?? 0;
        var now = clock.GetUtcNow();
        var data = rows.Items.Select(c => new CreditSummary(c.Id, Status(c, now), c.Amount, c.Hint, c.SellerId, c.OrderId,
            WireFormat.Timestamp(c.IssuedAt), WireFormat.Timestamp(c.ExpiresAt), WireFormat.Timestamp(c.RedeemedAt),
            c.OrderReference, c.RedemptionId)).ToList();
        return TypedResults.Ok(new CreditsPage(data, new CreditsMeta(rows.Number, rows.PerPage, rows.Total, rows.TotalPages, caller.BrandId, Ledger.Pounds(outstanding))));
    }

    private static async Task<Results<Ok<SellerCredits>, ApiErrorResult>> SellerView(
        string sellerId, HttpContext http, DataPlanes planes, CreditCodeVault vault, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!long.TryParse(sellerId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return SellerNotFound();
        string? brandId;
        // The seller's brand, told only to a marketplace the seller has sold through (a look-up that returns the brand id
        // and nothing else); any other marketplace gets the same 404 as for an unknown id.
        await using (var cmd = planes.For(caller.Plane).CreateCommand("SELECT marketplace_seller_brand($1, $2)"))
        {
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = caller.BrandId });
            brandId = await cmd.ExecuteScalarAsync(ct) as string;
        }
        if (brandId is null) return SellerNotFound();
        await using var db = planes.Open(caller.Plane, brandId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Only the codes earned through this marketplace's own orders: a seller trading through two storefronts
        // shows each only its own.
        var rows = await db.CreditCodes
            .Where(c => c.SellerId == id && db.Orders.Any(o => o.Id == c.OrderId && o.MarketplaceBrandId == caller.BrandId))
            .OrderByDescending(c => c.IssuedAt).ToListAsync(ct);
        var now = clock.GetUtcNow();
        // Every read of full codes is audited in the issuing brand's log (who read which codes, never the codes).
        db.AuditLog.Add(new AuditEntry
        {
            BrandId = brandId, ActorKeyId = caller.KeyId, Action = "credit.codes_viewed", TargetId = id.ToString(CultureInfo.InvariantCulture),
            Changes = JsonSerializer.Serialize(new Dictionary<string, FieldChange>
            {
                ["marketplace_brand_id"] = new(null, caller.BrandId),
                ["credit_ids"] = new(null, rows.Select(c => c.Id).ToArray()),
            }, Json.Options),
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new SellerCredits(id, rows.Select(c => InFull(c, vault, now)).ToList()));
    }

    private static async Task<Results<Ok<MyCreditsPage>, ApiErrorResult>> MyCredits(
        HttpContext http, RepurchDb db, CreditCodeVault vault, TimeProvider clock, string? page, string? per_page, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!Paging.TryParse(page, per_page, out var pageNo, out var perPage, out var pagingError)) return pagingError!;
        // The account's seller row (none until it lists): row-level security keeps both to the brand.
        var codes = db.CreditCodes.Where(c => db.Sellers.Any(s => s.Id == c.SellerId && s.AccountId == caller.AccountId))
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id);
        var rows = await Paging.ReadPageAsync(codes, pageNo, perPage, http, ct);
        var now = clock.GetUtcNow();
        if (rows.Items.Count > 0)
        {
            // Every read of full codes is audited (who read which codes, never the codes).
            await AuditLog.RecordAsync(db, caller, "credit.codes_viewed", caller.AccountId, new Dictionary<string, FieldChange>
            {
                ["account_id"] = new(null, caller.AccountId),
                ["credit_ids"] = new(null, rows.Items.Select(c => c.Id).ToArray()),
            }, clock, ct, emitEvent: false);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(new MyCreditsPage(rows.Items.Select(c => InFull(c, vault, now)).ToList(), rows.Meta(caller.BrandId)));
    }

    /// <summary>A code as its seller sees it: in full.</summary>
    private static SellerCredit InFull(CreditCode c, CreditCodeVault vault, DateTimeOffset now) =>
        new(c.Id, CreditCodeVault.Display(vault.Open(c.BrandId, c.Id, c.CodeCipher)), c.BrandId, Status(c, now), c.Amount,
            WireFormat.Timestamp(c.IssuedAt), WireFormat.Timestamp(c.ExpiresAt), WireFormat.Timestamp(c.RedeemedAt));

    private static ApiErrorResult SellerNotFound() => CreditErrors.SellerNotFound.Result();
}
