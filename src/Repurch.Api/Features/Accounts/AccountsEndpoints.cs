using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Audit;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Accounts;

/// <summary>
/// Consumer accounts of a brand, through its storefront server's key: sign-up, sign-in (a 15-minute
/// user token and a rotating refresh token, under the same rotation and family-revocation rules as
/// partner tokens), refresh, sign-out; and the signed-in consumer's own account at <c>/v1/me</c>.
/// </summary>
public static class AccountsEndpoints
{
    private const long BodyLimit = 16 * 1024;

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var storefront = app.MapGroup("/v1/accounts").WithTags("Accounts").RequireAuthorization(Policies.StorefrontWrite);
        var consumer = app.MapGroup("/v1").WithTags("Accounts").RequireAuthorization(Policies.Consumer);
        var storefrontAuth = new[]
        {
            CommonErrors.MissingBearer, CommonErrors.InvalidToken,
            CommonErrors.Forbidden.DescribedAs("Not a storefront key (`./run keys create --role storefront`) with the `write` scope."),
        };
        var consumerAuth = CommonErrors.ConsumerAuth;
        var body = new[]
        {
            CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge.DescribedAs("Body is larger than 16 KB."), CommonErrors.UnsupportedMediaType,
        };

        storefront.MapPost("", SignUp).WithName("CreateAccount").WithSummary("Sign a consumer up")
            .JsonRequest<SignUpRequest>().BodyLimit(BodyLimit)
            .WithDescription("Creates a consumer account under the storefront key's brand and answers `201` with it (never the password or its hash). " +
                "`email` is stored normalised: trimmed, lower-cased (the local part too: `Sam@Example.com` and `sam@example.com` are one account), internationalised domains in punycode. " +
                "Emails are unique per brand; the same email under another brand is another person. " +
                $"`display_name`: 1 to {AccountInput.MaxDisplayName} characters, no control characters. " +
                $"`password` (NIST SP 800-63B): {PasswordPolicy.MinLength} to {PasswordPolicy.MaxLength} characters counted as Unicode code points, any characters (spaces too, never trimmed), no composition rules; " +
                "refused when it is on a list of common and breached passwords (also with look-alike digits and symbols, with digits or symbols added at either end, or two list words together), " +
                "is repetitive or sequential (`aaaaaaaaaaaa`, `abcabcabcabc`, `123456789012`, keyboard rows), or contains the email's local part or the brand's name or id. " +
                "The account is also the consumer's seller (their trade-ins belong to it).")
            .Errors([.. storefrontAuth,
                CommonErrors.ValidationFailed.DescribedAs("Codes in `data.errors`: `email_required`, `email_invalid`, `email_too_long`, `display_name_required`, `display_name_invalid`, `display_name_too_long`, " +
                    "`password_required`, `password_invalid` (not a string or not valid text), `password_too_short`, `password_too_long`, `password_too_common`, `password_repetitive`, `password_sequential`, " +
                    "`password_contains_email`, `password_contains_brand`, `<field>_unknown`, `<field>_duplicate`."),
                AccountErrors.EmailTaken, .. body]);
        storefront.MapPost("/sessions", SignIn).WithName("CreateAccountSession").WithSummary("Sign a consumer in")
            .JsonRequest<SignInRequest>().BodyLimit(BodyLimit)
            .WithDescription("Checks `{email, password}` against the brand's accounts and answers with a user access token (a JWT signed with the brand's key, role `consumer`, `account_id` claim, 15 minutes), " +
                "a refresh token (30 days, single use) and the account. Send the token as `Authorization: Bearer` on `/v1/me...`. " +
                "A wrong email and a wrong password are the same `401 invalid_credentials` with the same timing. Every failure is in the brand's audit log (`account.sign_in_failed` with a `reason`: " +
                "`unknown_email`, `wrong_password`, `account_disabled`, `throttled_account`, `throttled_client`; never the email or the password). " +
                "Failed attempts are throttled in the database (so across every node): 5 failures of one email within 15 minutes, or 20 from one client (`Repurch-Forwarded-For`), " +
                "make every further attempt `429 too_many_attempts` with `Retry-After`, the right password too, until the oldest counted failure is 15 minutes old; " +
                "an email with no account is throttled exactly the same. A successful sign-in clears the email's count.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new Microsoft.OpenApi.OpenApiParameter
                {
                    Name = SignInThrottle.ClientAddressHeader,
                    In = Microsoft.OpenApi.ParameterLocation.Header,
                    Required = false,
                    Description = "The end user's IP address as the storefront server saw it (IPv4 or IPv6; IPv6 counts per /64). " +
                        "Failed sign-ins are throttled per client: this storefront key and this address. Without the header every end user of the key shares one larger bucket, " +
                        "so a storefront should always send it. Anything that is not one IP address is ignored.",
                    Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, MaxLength = 64 },
                });
                return Task.CompletedTask;
            })
            .Errors([.. storefrontAuth, AccountErrors.InvalidCredentials, AccountErrors.TooManyAttempts,
                CommonErrors.ValidationFailed.DescribedAs("`email_required`, `email_invalid` (not a string), `email_too_long`, `password_required`, `password_invalid`, `<field>_unknown`, `<field>_duplicate`."),
                .. body]);
        storefront.MapPost("/sessions/refresh", Refresh).WithName("RefreshAccountSession").WithSummary("Rotate a consumer's refresh token")
            .JsonRequest<SessionRefreshRequest>().BodyLimit(BodyLimit)
            .WithDescription("With the storefront key of the session's brand. Returns a new user token and refresh token and retires the one sent. " +
                "Sending a retired refresh token again revokes the whole session, including its newest refresh token and its user tokens, and answers `401 invalid_token` (the partner refresh's rules). " +
                "A partner's refresh token is not accepted here, nor a consumer's at `/v1/auth/refresh`.")
            .Errors([.. storefrontAuth.Take(1), CommonErrors.InvalidToken.DescribedAs("The storefront key is invalid, or the refresh token is unknown, expired, retired, revoked, of another brand, or its account is disabled."),
                storefrontAuth[2],
                CommonErrors.ValidationFailed.DescribedAs("`refresh_token_required`, `refresh_token_invalid` (not a string), `<field>_unknown`, `<field>_duplicate`."),
                .. body]);
        consumer.MapDelete("/accounts/sessions/current", SignOut).WithName("DeleteAccountSession").WithSummary("Sign the consumer out")
            .WithDescription("With the user token: ends its session at once (its refresh tokens and every user token of the session stop working). Answers `204`.")
            .Errors(consumerAuth);
        consumer.MapGet("/me", Me).WithBrandSession().WithName("GetMe").WithSummary("The signed-in consumer's account")
            .WithDescription("The account the user token speaks for.")
            .Errors(consumerAuth);
        consumer.MapPatch("/me", UpdateMe).WithName("UpdateMe").WithSummary("Update the signed-in consumer's account")
            .JsonRequest<AccountUpdateRequest>().BodyLimit(BodyLimit)
            .WithDescription("With the user token. Any of `display_name` (1 to 100 characters, no control characters; also the name on the account's trade-ins) and `password` " +
                "(the sign-up rules: NIST SP 800-63B length, common and breached passwords, repetition, sequences, the email's local part, the brand's name) with `current_password`. " +
                "Changing the password signs out every other session of the account at once (their refresh tokens and user tokens stop working); the session making the change stays. " +
                "A wrong `current_password` is a failed sign-in (the sign-in throttle, `account.sign_in_failed` in the audit log). The email cannot be changed here. " +
                "Answers `200` with the account; the change is in the audit log (`account.updated`, never the password).")
            .Errors([.. consumerAuth, AccountErrors.CurrentPasswordIncorrect, AccountErrors.TooManyAttempts, CommonErrors.NoFields,
                CommonErrors.ValidationFailed.DescribedAs("Codes in `data.errors`: `display_name_invalid`, `display_name_too_long`, `password_required`, `password_invalid`, `password_too_short`, `password_too_long`, " +
                    "`password_too_common`, `password_repetitive`, `password_sequential`, `password_contains_email`, `password_contains_brand`, `current_password_required`, `current_password_invalid`, " +
                    "`<field>_unknown` (e.g. `email_unknown`), `<field>_duplicate`."),
                .. body]);
        return app;
    }

    internal static AccountView View(Account a) => new(a.Id, a.Email, a.DisplayName, a.CreatedAt, a.UpdatedAt);

    private static async Task<Results<Created<AccountView>, ApiErrorResult>> SignUp(
        HttpContext http, RepurchDb db, AccountPasswords passwords, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Account could not be created", ["email_required", "password_required", "display_name_required"]);
        using var doc = body.Document!;
        var errors = new List<string>();
        var (email, password, displayName) = AccountInput.ReadSignUp(body.Root, errors);

        await db.OpenBrandSessionAsync(ct);
        if (password is not null && await PasswordChanges.RefusalAsync(db, caller.BrandId, email, password, ct) is { } refusal)
            errors.Add(refusal);
        if (errors.Count > 0) return Problems.Validation("Account could not be created", errors);

        var hash = passwords.Hash(password!);
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        if (await db.Accounts.AnyAsync(a => a.Email == email, ct)) return AccountErrors.EmailTaken.Result();
        var now = clock.GetUtcNow();
        var account = new Account
        {
            Id = PublicIds.New("acct_"), BrandId = caller.BrandId, Email = email!, DisplayName = displayName!, PasswordHash = hash,
            CreatedAt = now, UpdatedAt = now, PasswordChangedAt = now,
        };
        db.Accounts.Add(account);
        // The account is its own seller: a trade-in it lists belongs to this row.
        db.Sellers.Add(new Seller { BrandId = caller.BrandId, DisplayName = account.DisplayName, AccountId = account.Id, CreatedAt = now });
        await AuditLog.RecordAsync(db, caller, "account.created", account.Id,
            new Dictionary<string, FieldChange> { ["display_name"] = new(null, account.DisplayName) }, clock, ct, emitEvent: false);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another sign-up with this email committed between the check and the insert.
            return AccountErrors.EmailTaken.Result();
        }
        await work.CommitAsync(ct);
        return TypedResults.Created("/v1/me", View(account));
    }

    private static async Task<Results<Ok<AccountSession>, ApiErrorResult>> SignIn(
        HttpContext http, RepurchDb db, AccountPasswords passwords, TokenSessions sessions, SignInThrottle throttle, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Sign-in rejected", ["email_required", "password_required"]);
        using var doc = body.Document!;
        var errors = new List<string>();
        var (email, password) = AccountInput.ReadSignIn(body.Root, errors);
        if (errors.Count > 0) return Problems.Validation("Sign-in rejected", errors);

        await db.OpenBrandSessionAsync(ct);
        var buckets = throttle.For(caller, email!, http.Request);
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        await throttle.LockAsync(db, buckets, ct);
        var account = await db.Accounts.AsTracking().FirstOrDefaultAsync(a => a.Email == email, ct);
        // Refused before the password is looked at, so a throttled guess learns nothing, right or wrong.
        if (await throttle.CheckAsync(db, buckets, ct) is { } refusal)
        {
            await SignInFailedAsync(db, caller, account, $"throttled_{refusal.Bucket}", clock, ct);
            await work.CommitAsync(ct);
            return TooManyAttempts(http, refusal);
        }
        var rehash = false;
        var ok = false;
        if (account is null) passwords.VerifyNothing(password!);
        else ok = passwords.Verify(account.PasswordHash, password!, out rehash) && account.DisabledAt is null;

        if (!ok)
        {
            await throttle.RecordFailureAsync(db, buckets, ct);
            await SignInFailedAsync(db, caller, account, account is null ? "unknown_email" : account.DisabledAt is null ? "wrong_password" : "account_disabled", clock, ct);
            await work.CommitAsync(ct);
            return AccountErrors.InvalidCredentials.Result();
        }
        await throttle.ForgiveAsync(db, buckets, ct);
        if (rehash)
        {
            account!.PasswordHash = passwords.Hash(password!);
            await db.SaveChangesAsync(ct);
        }
        var tokens = await sessions.IssueAsync(db, ConsumerOf(caller, account!), Guid.NewGuid(), ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(Session(tokens, account!));
    }

    /// <summary>An <c>account.sign_in_failed</c> entry: the account when there is one, the reason; never the email or the password.</summary>
    private static async Task SignInFailedAsync(RepurchDb db, Caller caller, Account? account, string reason, TimeProvider clock, CancellationToken ct)
    {
        await AuditLog.RecordAsync(db, caller, "account.sign_in_failed", account?.Id,
            new Dictionary<string, FieldChange> { ["reason"] = new(null, reason) }, clock, ct, emitEvent: false);
        await db.SaveChangesAsync(ct);
    }

    private static ApiErrorResult TooManyAttempts(HttpContext http, SignInThrottle.Refusal refusal)
    {
        var seconds = refusal.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.RetryAfter = seconds;
        return AccountErrors.TooManyAttempts.Result($"Too many failed sign-in attempts. Try again in {seconds} seconds.");
    }

    private static readonly string[] RefreshFields = ["refresh_token"];

    private static async Task<Results<Ok<AccountSession>, ApiErrorResult>> Refresh(
        HttpContext http, RepurchDb db, TokenSessions sessions, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Refresh rejected", ["refresh_token_required"]);
        using var doc = body.Document!;
        var fields = new FieldReader(body.Root, RefreshFields, creating: true);
        var token = fields.Text("refresh_token", int.MaxValue, FieldPresence.Required);
        if (fields.Errors.Count > 0) return Problems.Validation("Refresh rejected", fields.Errors);

        var row = await sessions.FindAsync(token.Value!, ct);
        // Only a consumer session of this storefront's own brand and plane: another brand's token reads as unknown.
        if (row is null || row.AccountId is null || row.BrandId != caller.BrandId || TokenSessions.PlaneOf(token.Value!) != caller.Plane)
            return Problems.InvalidToken();

        await db.OpenBrandSessionAsync(ct);
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        if (!await sessions.RetireAsync(db, row, ct))
        {
            await work.CommitAsync(ct);
            return Problems.InvalidToken();
        }
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == row.AccountId && a.DisabledAt == null, ct);
        if (account is null) return Problems.InvalidToken();
        var tokens = await sessions.IssueAsync(db, ConsumerOf(caller, account), row.FamilyId, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(Session(tokens, account));
    }

    private static async Task<NoContent> SignOut(HttpContext http, RepurchDb db, TokenSessions sessions, CancellationToken ct)
    {
        var caller = http.Caller();
        await sessions.RevokeFamilyAsync(db, caller.SessionId!.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AccountView>, ApiErrorResult>> Me(HttpContext http, RepurchDb db, CancellationToken ct)
    {
        var id = http.Caller().AccountId;
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, ct);
        return account is null ? Problems.InvalidToken() : TypedResults.Ok(View(account));
    }

    private static async Task<Results<Ok<AccountView>, ApiErrorResult>> UpdateMe(
        HttpContext http, RepurchDb db, AccountPasswords passwords, SignInThrottle throttle, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty || !body.Root.EnumerateObject().Any()) return Problems.NoFields();
        using var doc = body.Document!;
        var errors = new List<string>();
        var (displayName, password, current) = AccountInput.ReadUpdate(body.Root, errors);

        await db.OpenBrandSessionAsync(ct);
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        var account = await Locks.LockRowAsync<Account>(db, caller.AccountId!, ct);
        if (account is null) return Problems.InvalidToken();
        if (password is not null && await PasswordChanges.RefusalAsync(db, caller.BrandId, account.Email, password, ct) is { } refusal)
            errors.Add(refusal);
        if (errors.Count > 0) return Problems.Validation("Update rejected", errors);

        var changes = new Dictionary<string, FieldChange>();
        var now = clock.GetUtcNow();
        if (password is not null)
        {
            // The current password is a sign-in in disguise: the same throttle, the same audit.
            var buckets = throttle.For(caller, account.Email, http.Request);
            await throttle.LockAsync(db, buckets, ct);
            if (await throttle.CheckAsync(db, buckets, ct) is { } throttled)
            {
                await SignInFailedAsync(db, caller, account, $"throttled_{throttled.Bucket}", clock, ct);
                await work.CommitAsync(ct);
                return TooManyAttempts(http, throttled);
            }
            if (!passwords.Verify(account.PasswordHash, current!, out _))
            {
                await throttle.RecordFailureAsync(db, buckets, ct);
                await SignInFailedAsync(db, caller, account, "wrong_current_password", clock, ct);
                await work.CommitAsync(ct);
                return AccountErrors.CurrentPasswordIncorrect.Result();
            }
            // This session stays; every other one ends.
            var others = await PasswordChanges.SetAsync(db, account, password, passwords, caller.SessionId, now, ct);
            changes["password"] = new(null, "changed");
            changes["sessions_revoked"] = new(null, others.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (displayName is not null && displayName != account.DisplayName)
        {
            changes["display_name"] = new(account.DisplayName, displayName);
            account.DisplayName = displayName;
            // The seller row shows the same name on the account's trade-ins and conversations.
            await db.Sellers.Where(s => s.AccountId == account.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.DisplayName, displayName), ct);
        }
        if (changes.Count > 0)
        {
            account.UpdatedAt = now;
            await AuditLog.RecordAsync(db, caller, "account.updated", account.Id, changes, clock, ct, emitEvent: false);
            await db.SaveChangesAsync(ct);
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(View(account));
    }

    /// <summary>The consumer a storefront signs in: its brand and plane, the storefront key behind it, no scopes.</summary>
    private static Caller ConsumerOf(Caller storefront, Account account) =>
        new(storefront.BrandId, storefront.Plane, Roles.Consumer, [], storefront.KeyId, CredentialKind.AccessToken) { AccountId = account.Id };

    private static AccountSession Session(IssuedTokens t, Account account) =>
        new(t.AccessToken, IssuedTokens.TokenType, IssuedTokens.ExpiresIn, t.RefreshToken, View(account));
}
