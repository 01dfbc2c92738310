using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Features.Accounts;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Cli;

/// <summary>
/// Demo sellers become consumer accounts: each seller row of a demo brand that has no account gets
/// one (<c>first.last@example.com</c>, a random password that passes the sign-up rules), linked as
/// the seller's <c>AccountId</c>, so a storefront can sign the seller in and show its trade-ins and
/// credits. The passwords are printed once and stored only hashed; <c>./run accounts set-password</c>
/// sets another.
/// </summary>
public static class DemoAccounts
{
    public const string EmailDomain = "example.com";

    /// <summary>Makes the missing accounts of <paramref name="db"/>'s brand and prints one line each; true when it made any.</summary>
    public static async Task<bool> EnsureAsync(RepurchDb db, Plane plane, string brandId, TextWriter output, CancellationToken ct = default)
    {
        var sellers = await db.Sellers.AsTracking().Where(s => s.AccountId == null).OrderBy(s => s.Id).ToListAsync(ct);
        if (sellers.Count == 0) return false;
        var hasher = new AccountPasswords();
        var lines = new List<string>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taken = (await db.Accounts.Select(a => a.Email).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var now = DateTimeOffset.UtcNow;
        foreach (var seller in sellers)
        {
            var local = string.Join('.', seller.DisplayName.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray())).Where(w => w.Length > 0));
            var email = $"{(local.Length > 0 ? local : "seller")}@{EmailDomain}";
            if (!taken.Add(email)) taken.Add(email = $"{local}.{seller.Id}@{EmailDomain}");
            string password;
            do password = Secrets.Random(20);
            while (await PasswordChanges.RefusalAsync(db, brandId, email, password, ct) is not null);
            var account = new Account
            {
                Id = PublicIds.New("acct_"), BrandId = brandId, Email = email, DisplayName = seller.DisplayName,
                PasswordHash = hasher.Hash(password), CreatedAt = now, UpdatedAt = now, PasswordChangedAt = now,
            };
            db.Accounts.Add(account);
            seller.AccountId = account.Id;
            lines.Add($"demo seller account for {brandId} ({plane.ToString().ToLowerInvariant()}), \"{seller.DisplayName}\", shown once: {email} {password}");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var line in lines) await output.WriteLineAsync(line);
        return true;
    }
}
