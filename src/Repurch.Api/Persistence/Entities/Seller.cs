namespace Repurch.Api.Persistence;

/// <summary>A consumer who lists a trade-in through a brand's storefront.</summary>
public sealed class Seller
{
    public long Id { get; set; }
    public required string BrandId { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>The consumer account this seller is (null for a seller the brand keeps itself).</summary>
    public string? AccountId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
