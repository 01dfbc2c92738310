using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Repurch.Api.Errors;

namespace Repurch.Api.Authentication;

/// <summary>
/// One bearer scheme for both credentials: an API key (<c>re_pk_live_…</c>, <c>re_pk_test_…</c>)
/// or an access token from <c>POST /v1/auth/token</c>. Challenges and denials are written in the
/// project's error shape with the spec's codes.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CredentialStore store,
    AccessTokens tokens,
    KeyUsage usage) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken(Request);
        if (token is null) return AuthenticateResult.NoResult();
        if (token.Length > 4096) return AuthenticateResult.Fail("token too long");

        Caller? caller;
        if (Secrets.PlaneOfApiKey(token) is { } plane)
        {
            var row = await store.FindApiKeyAsync(plane, token, Context.RequestAborted);
            caller = row is null || row.Revoked
                ? null
                : new Caller(row.BrandId, plane, row.Role, row.Scopes, row.Id, CredentialKind.ApiKey);
        }
        else
        {
            caller = await tokens.ValidateAsync(token, Context.RequestAborted);
            // Revoking a key ends its access tokens at once, not when they expire; so do signing out
            // and disabling the account for a consumer's.
            if (caller is { AccountId: { } account, SessionId: { } session })
            {
                if (!await store.IsSessionActiveAsync(caller.Plane, caller.BrandId, caller.KeyId, account, session, Context.RequestAborted))
                    caller = null;
            }
            else if (caller is not null && !await store.IsKeyActiveAsync(caller.Plane, caller.BrandId, caller.KeyId, Context.RequestAborted))
                caller = null;
        }
        if (caller is null) return AuthenticateResult.Fail("invalid token");
        if (usage.ShouldRecord(caller.KeyId))
        {
            // Bookkeeping only: a failed write must not fail the request.
            try { await store.TouchAsync(caller.Plane, caller.BrandId, caller.KeyId, Context.RequestAborted); }
            catch (Npgsql.NpgsqlException e) { Logger.LogWarning(e, "could not record last use of key {KeyId}", caller.KeyId); }
        }

        Context.Features.Set(caller);
        var identity = new ClaimsIdentity(
        [
            new Claim("brand_id", caller.BrandId),
            new Claim("env", caller.Environment),
            new Claim(ClaimTypes.Role, caller.Role),
            .. caller.Scopes.Select(s => new Claim("scope", s)),
            .. caller.AccountId is { } id ? [new Claim(AccessTokens.AccountClaim, id)] : Array.Empty<Claim>(),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var error = BearerToken(Request) is null ? Problems.MissingBearer() : Problems.InvalidToken();
        Response.Headers.WWWAuthenticate = error.Value.Code == "invalid_token"
            ? "Bearer error=\"invalid_token\""
            : "Bearer";
        return error.ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var caller = Context.Features.Get<Caller>();
        var path = Request.Path.Value ?? "";
        // Each reference page words the denial its own way; a scope problem says which.
        var message = path.StartsWith("/v1/me", StringComparison.Ordinal) && (path.Length == 6 || path[6] == '/')
            ? "A consumer's user token is required (from POST /v1/accounts/sessions)."
            : caller is not null && caller.Role == Roles.Consumer
            ? "A consumer's user token can call only /v1/me endpoints (and POST /v1/listings/upload-photo)."
            : path.StartsWith("/v1/accounts", StringComparison.Ordinal) && caller is not null && caller.Role != Roles.Storefront
            ? "A storefront key with the 'write' scope is required."
            : caller is not null && caller.Role == Roles.Storefront
            ? $"Caller's storefront key lacks the '{Scopes.Write}' scope this endpoint needs, or the endpoint is not for storefront keys."
            : caller is not null && caller.Role == Roles.Admin && path.StartsWith("/v1/marketplace", StringComparison.Ordinal)
            ? "Marketplace role required."
            : caller is not null && caller.Role == Roles.Admin
            ? $"Caller's key lacks the '{(HttpMethods.IsGet(Request.Method) ? Scopes.Read : Scopes.Write)}' scope this endpoint needs."
            : path.StartsWith("/v1/partner", StringComparison.Ordinal)
            ? "Partner admin role required."
            : "Caller is not a partner admin.";
        return Problems.Forbidden(message).ExecuteAsync(Context);
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = header["Bearer ".Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
