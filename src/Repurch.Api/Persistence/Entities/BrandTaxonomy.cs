namespace Repurch.Api.Persistence;

/// <summary>
/// A brand's own option lists. Each column is null while the brand uses the platform default
/// for that list, else the full list the brand chose.
/// </summary>
public sealed class BrandTaxonomy
{
    public required string BrandId { get; set; }
    public string[]? Brands { get; set; }
    public string[]? Colours { get; set; }
    public string[]? Fabrics { get; set; }
    public string[]? Ages { get; set; }
    public string[]? Categories { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
