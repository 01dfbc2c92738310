namespace Repurch.Api.Persistence;

/// <summary>
/// A host name a brand serves one of its storefronts on. It counts once the brand proves control of it
/// with a DNS TXT record carrying <see cref="VerificationToken"/>; a host is verified for one brand at most.
/// </summary>
public sealed class BrandDomain
{
    public long Id { get; set; }
    public required string BrandId { get; set; }
    /// <summary>Lower-case ASCII (Punycode for international names), no trailing dot.</summary>
    public required string Host { get; set; }
    /// <summary><c>exchange</c> (trade-ins) or <c>clearance</c> (clearance stock).</summary>
    public required string Storefront { get; set; }
    public required string VerificationToken { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
