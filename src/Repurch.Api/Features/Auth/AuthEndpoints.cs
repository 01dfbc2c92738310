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
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(30);

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

    private static async Task<Results<Ok<TokenPair>, ApiErrorResult>> Token(HttpContext http, DataPlanes planes, AccessTokens tokens, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        if (caller.Kind != CredentialKind.ApiKey)
            return Problems.Forbidden("Exchange an API key for a token; an access token cannot mint another.");
        await using var db = planes.Open(caller.Plane, caller.BrandId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var pair = await IssuePairAsync(db, tokens, clock, caller, Guid.NewGuid(), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(pair);
    }

    private static readonly string[] RefreshFields = ["refresh_token"];

    private static async Task<Results<Ok<TokenPair>, ApiErrorResult>> Refresh(HttpContext http, DataPlanes planes, CredentialStore store, AccessTokens tokens, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document;
        if (body.Empty) return Problems.Validation("Refresh rejected", ["refresh_token_required"]);
        var fields = new FieldReader(body.Root, RefreshFields, creating: true);
        var token = fields.Text("refresh_token", int.MaxValue, FieldPresence.Required);
        if (fields.Errors.Count > 0) return Problems.Validation("Refresh rejected", fields.Errors);

        var presented = token.Value!;
        if (Secrets.PlaneOfRefreshToken(presented) is not { } plane || presented.Length > 200) return Problems.InvalidToken();
        var row = await store.FindRefreshTokenAsync(plane, presented, ct);
        if (row is null) return Problems.InvalidToken();

        await using var db = planes.Open(plane, row.BrandId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        // Retire the token only if nobody has used it yet; a second use is a replay, and then
        // the whole family goes, so a stolen token dies together with the legitimate one.
        var retired = await db.RefreshTokens
            .Where(t => t.Id == row.Id && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (retired == 0)
        {
            if (row.Used || row.Revoked || row.ExpiresAt > now)
            {
                await db.RefreshTokens.Where(t => t.FamilyId == row.FamilyId && t.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
            }
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
        var pair = await IssuePairAsync(db, tokens, clock, caller, row.FamilyId, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(pair);
    }

    private static async Task<TokenPair> IssuePairAsync(RepurchDb db, AccessTokens tokens, TimeProvider clock, Caller caller, Guid familyId, CancellationToken ct)
    {
        var access = await tokens.IssueAsync(db, caller, ct);
        var refresh = Secrets.NewRefreshToken(caller.Plane);
        var now = clock.GetUtcNow();
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.NewGuid(),
            BrandId = caller.BrandId,
            FamilyId = familyId,
            ApiKeyId = caller.KeyId,
            TokenHash = Secrets.Hash(refresh),
            CreatedAt = now,
            ExpiresAt = now.Add(RefreshLifetime),
        });
        await db.SaveChangesAsync(ct);
        return new TokenPair(access, "Bearer", (int)AccessTokens.Lifetime.TotalSeconds, refresh);
    }
}
