namespace Repurch.Api.Persistence;

/// <summary>Whether a brand's listings in one category also appear on the main marketplace (default: yes).</summary>
public sealed class CrossListingRule
{
    public required string BrandId { get; set; }
    public required string Category { get; set; }
    public bool OnMarketplace { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
