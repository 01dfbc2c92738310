using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Accounts;

/// <summary>
/// Checking and setting an account's password, for <c>PATCH /v1/me</c> and the operator's
/// <c>./run accounts set-password</c> alike: the sign-up rules against the account's email and its
/// brand, a fresh hash, and every session but the one asked to be kept signed out at once.
/// </summary>
public static class PasswordChanges
{
    /// <summary>The platform's own name, refused inside passwords with the brand's.</summary>
    public const string PlatformName = "repurch";

    /// <summary>The words a password of this brand may not contain: the brand's id and name, and the platform's name.</summary>
    public static async Task<string[]> BrandWordsAsync(RepurchDb db, string brandId, CancellationToken ct)
    {
        var name = await db.Brands.Where(b => b.Id == brandId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        return name is null ? [brandId, PlatformName] : [brandId, name, PlatformName];
    }

    /// <summary>The refusal's code (<see cref="PasswordPolicy"/>) of <paramref name="password"/> (NFKC-normalised) for an account with <paramref name="email"/>, or null.</summary>
    public static async Task<string?> RefusalAsync(RepurchDb db, string brandId, string? email, string password, CancellationToken ct) =>
        PasswordPolicy.Check(password, email is null ? null : EmailAddresses.LocalPart(email), await BrandWordsAsync(db, brandId, ct));

    /// <summary>
    /// Sets a checked password on a tracked <paramref name="account"/> (saved by the caller's SaveChanges)
    /// and revokes the account's sessions except <paramref name="keep"/>; returns how many refresh tokens it revoked.
    /// </summary>
    public static Task<int> SetAsync(RepurchDb db, Account account, string password, AccountPasswords hasher, Guid? keep, DateTimeOffset now, CancellationToken ct)
    {
        account.PasswordHash = hasher.Hash(password);
        account.PasswordChangedAt = now;
        account.UpdatedAt = now;
        // Whoever else holds a session (perhaps the reason for the change) is signed out at once.
        return db.RefreshTokens
            .Where(t => t.AccountId == account.Id && (keep == null || t.FamilyId != keep) && t.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, now), ct);
    }
}
