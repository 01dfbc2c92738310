using Microsoft.AspNetCore.Identity;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Accounts;

/// <summary>
/// Password hashes with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>: in the shared
/// framework (no extra package), maintained with .NET, a versioned format (v3: PBKDF2-HMAC-SHA512,
/// 100,000 iterations, 128-bit salt) that says when a hash should be upgraded. Argon2id is
/// memory-hard and stronger against GPUs, but the NuGet ports are small single-maintainer projects;
/// the hash format's version byte leaves room to move.
/// </summary>
public sealed class AccountPasswords
{
    private readonly PasswordHasher<Account> _hasher = new();
    private readonly Lazy<string> _dummy;

    public AccountPasswords() =>
        _dummy = new(() => _hasher.HashPassword(null!, Authentication.Secrets.Random(24)));

    /// <param name="password">NFKC-normalised (<see cref="PasswordPolicy.Normalise"/>).</param>
    public string Hash(string password) => _hasher.HashPassword(null!, password);

    /// <summary>Whether it matches; <paramref name="rehash"/> when the hash should be recomputed with today's parameters.</summary>
    public bool Verify(string hash, string password, out bool rehash)
    {
        var result = _hasher.VerifyHashedPassword(null!, hash, password);
        rehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>Spends the time a real check would when there is no account, so timing tells nothing.</summary>
    public void VerifyNothing(string password) => _hasher.VerifyHashedPassword(null!, _dummy.Value, password);
}
