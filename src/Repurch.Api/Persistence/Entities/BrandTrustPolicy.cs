namespace Repurch.Api.Persistence;

/// <summary>
/// A brand's screening policy as stored: the domains its messages may link to, and the reasons it
/// holds or blocks differently from the platform default. No row means the default.
/// </summary>
public sealed class BrandTrustPolicy
{
    public required string BrandId { get; set; }
    public string[] AllowedDomains { get; set; } = [];
    /// <summary>Reason code to <c>hold</c> or <c>block</c>, as a JSON object; only the reasons the brand set.</summary>
    public string Actions { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }
}
