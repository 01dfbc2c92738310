namespace Repurch.Api.Persistence;

/// <summary>
/// A consumer who signed up through a brand's storefront. Accounts are per brand: the same email
/// under another brand is another person.
/// </summary>
public sealed class Account
{
    /// <summary>The public id, <c>acct_...</c>.</summary>
    public required string Id { get; set; }
    public required string BrandId { get; set; }
    /// <summary>Normalised (trimmed, case-folded, IDN domain in ASCII): unique per brand.</summary>
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>ASP.NET Core Identity's <c>PasswordHasher</c> format (versioned, salted PBKDF2); never the password.</summary>
    public required string PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset PasswordChangedAt { get; set; }
    /// <summary>Set when the account is disabled: its tokens stop working at once and it cannot sign in.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
