using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;

namespace Repurch.Api.Authentication;

/// <summary>
/// Sessions of refresh tokens, for partner tokens (<c>/v1/auth</c>) and consumer tokens
/// (<c>/v1/accounts/sessions</c>) alike: every refresh token is single use and belongs to a family;
/// using one retires it and issues the next of its family, and presenting a retired one again is a
/// replay that revokes the whole family, so a stolen token dies together with the legitimate one.
/// </summary>
public sealed class TokenSessions(CredentialStore store, AccessTokens tokens, TimeProvider clock)
{
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(30);

    /// <summary>The presented token's row when it is well-formed and known (in any state), else null.</summary>
    public async Task<CredentialStore.RefreshRow?> FindAsync(string presented, CancellationToken ct)
    {
        if (Secrets.PlaneOfRefreshToken(presented) is not { } plane || presented.Length > 200) return null;
        var row = await store.FindRefreshTokenAsync(plane, presented, ct);
        return row;
    }

    /// <summary>The data plane a well-formed refresh token belongs to.</summary>
    public static Plane? PlaneOf(string presented) => Secrets.PlaneOfRefreshToken(presented);

    /// <summary>
    /// Retires <paramref name="row"/> if nobody has used it yet (true). Otherwise (false) it was used,
    /// revoked or expired; a used or revoked one is a replay, and its whole family is revoked.
    /// Run it in the transaction that issues the next token, on a context opened for the row's brand.
    /// </summary>
    public async Task<bool> RetireAsync(RepurchDb db, CredentialStore.RefreshRow row, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var retired = await db.RefreshTokens
            .Where(t => t.Id == row.Id && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (retired == 1) return true;
        if (row.Used || row.Revoked || row.ExpiresAt > now) await RevokeFamilyAsync(db, row.FamilyId, ct);
        return false;
    }

    /// <summary>Ends a session: every token of the family, and (for consumers) its access tokens at once.</summary>
    public Task<int> RevokeFamilyAsync(RepurchDb db, Guid familyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
    }

    /// <summary>
    /// A new access token for <paramref name="caller"/> and the next refresh token of <paramref name="familyId"/>
    /// (a consumer's carries its account). Saves the refresh token on <paramref name="db"/>.
    /// </summary>
    public async Task<IssuedTokens> IssueAsync(RepurchDb db, Caller caller, Guid familyId, CancellationToken ct)
    {
        var access = await tokens.IssueAsync(db, caller.AccountId is null ? caller : caller with { SessionId = familyId }, ct);
        var refresh = Secrets.NewRefreshToken(caller.Plane);
        var now = clock.GetUtcNow();
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.NewGuid(),
            BrandId = caller.BrandId,
            FamilyId = familyId,
            ApiKeyId = caller.KeyId,
            AccountId = caller.AccountId,
            TokenHash = Secrets.Hash(refresh),
            CreatedAt = now,
            ExpiresAt = now.Add(RefreshLifetime),
        });
        await db.SaveChangesAsync(ct);
        return new IssuedTokens(access, refresh);
    }
}
