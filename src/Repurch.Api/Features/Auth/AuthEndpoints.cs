using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Auth;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/auth").WithTags("Auth");
        group.MapPost("/token", Token).RequireAuthorization(Policies.Authenticated)
            .WithName("CreateAccessToken").WithSummary("Exchange an API key for an access token")
            .WithDescription("Call with an API key as the bearer. Returns a 15-minute JWT signed with the brand's own key, plus a refresh token (valid 30 days, single use). The token carries the key's role and scopes and works as a bearer wherever the key does.")
            .Errors(CommonErrors.MissingBearer, CommonErrors.InvalidToken, CommonErrors.Forbidden.DescribedAs("An access token cannot mint another: exchange an API key."));
        group.MapPost("/refresh", Refresh).AllowAnonymous()
            .JsonRequest<RefreshRequest>().BodyLimit(16 * 1024)
            .WithName("RefreshAccessToken").WithSummary("Rotate a refresh token")
            .WithDescription("No bearer needed: the refresh token is the credential. Returns a new pair and retires the refresh token sent. Sending a retired refresh token again revokes its whole family, including the newest token, and answers `401 invalid_token`.")
            .NoBearer()
            .Errors(CommonErrors.InvalidToken.DescribedAs("Refresh token is unknown, expired, retired or revoked."),
                CommonErrors.ValidationFailed.DescribedAs("`refresh_token_required`: send `{\"refresh_token\": \"…\"}`; `refresh_token_invalid` (not a string), `<field>_unknown`, `<field>_duplicate`."));
        return app;
    }

    private static async Task<Results<Ok<TokenPair>, ApiErrorResult>> Token(HttpContext http, DataPlanes planes, TokenSessions sessions, CancellationToken ct)
    {
        var caller = http.Caller();
        if (caller.Kind != CredentialKind.ApiKey)
            return Problems.Forbidden("Exchange an API key for a token; an access token cannot mint another.");
        await using var db = planes.Open(caller.Plane, caller.BrandId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var pair = await sessions.IssueAsync(db, caller, Guid.NewGuid(), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(Pair(pair));
    }

    private static readonly string[] RefreshFields = ["refresh_token"];

    private static async Task<Results<Ok<TokenPair>, ApiErrorResult>> Refresh(HttpContext http, DataPlanes planes, TokenSessions sessions, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document;
        if (body.Empty) return Problems.Validation("Refresh rejected", ["refresh_token_required"]);
        var fields = new FieldReader(body.Root, RefreshFields, creating: true);
        var token = fields.Text("refresh_token", int.MaxValue, FieldPresence.Required);
        if (fields.Errors.Count > 0) return Problems.Validation("Refresh rejected", fields.Errors);

        var row = await sessions.FindAsync(token.Value!, ct);
        // A consumer's refresh token is refreshed through its storefront (/v1/accounts/sessions/refresh), never here.
        if (row is null || row.AccountId is not null) return Problems.InvalidToken();
        var plane = TokenSessions.PlaneOf(token.Value!)!.Value;

        await using var db = planes.Open(plane, row.BrandId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await sessions.RetireAsync(db, row, ct))
        {
            await tx.CommitAsync(ct);
            return Problems.InvalidToken();
        }

        var key = await db.ApiKeys.Where(k => k.Id == row.ApiKeyId && k.RevokedAt == null).FirstOrDefaultAsync(ct);
        if (key is null)
        {
            await tx.RollbackAsync(ct);
            return Problems.InvalidToken();
        }
        var caller = new Caller(key.BrandId, plane, key.Role, key.Scopes, key.Id, CredentialKind.ApiKey);
        var pair = await sessions.IssueAsync(db, caller, row.FamilyId, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(Pair(pair));
    }

    private static TokenPair Pair(IssuedTokens t) => new(t.AccessToken, IssuedTokens.TokenType, IssuedTokens.ExpiresIn, t.RefreshToken);
}
