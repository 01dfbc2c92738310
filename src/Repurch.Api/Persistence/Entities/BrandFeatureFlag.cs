namespace Repurch.Api.Persistence;

/// <summary>
/// A feature turned on or off for one brand by the platform's operator. A flag with no row is off:
/// new work ships dark and is switched on per partner.
/// </summary>
public sealed class BrandFeatureFlag
{
    public required string BrandId { get; set; }
    /// <summary>A name from <c>FeatureCatalogue</c>.</summary>
    public required string Name { get; set; }
    public bool Enabled { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
