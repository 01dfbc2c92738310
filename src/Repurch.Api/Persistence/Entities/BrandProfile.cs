namespace Repurch.Api.Persistence;

/// <summary>The public brand profile (GET/PATCH /v1/partner/settings/brand).</summary>
public sealed class BrandProfile
{
    public required string BrandId { get; set; }
    public string? DisplayName { get; set; }
    public string? Tagline { get; set; }
    public string? Description { get; set; }
    public string? SupportEmail { get; set; }
    public string? SupportPhone { get; set; }
    public string? LogoUrl { get; set; }
    public string? AccentColor { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
