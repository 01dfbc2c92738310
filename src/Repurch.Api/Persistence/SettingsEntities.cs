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

/// <summary>The legal entity on every remittance invoice (GET/PATCH /v1/partner/settings/billing).</summary>
public sealed class BillingEntity
{
    public required string BrandId { get; set; }
    public string? CompanyName { get; set; }
    public string? Address1 { get; set; }
    public string? Address2 { get; set; }
    public string? City { get; set; }
    public string? Postcode { get; set; }
    public string Country { get; set; } = "United Kingdom";
    public string? CompanyNumber { get; set; }
    public string? VatNumber { get; set; }
    public string? InvoiceEmail { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class Warehouse
{
    public Guid Id { get; set; }
    public required string BrandId { get; set; }
    public required string Label { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Address1 { get; set; }
    public string? Address2 { get; set; }
    public string? City { get; set; }
    public string? Postcode { get; set; }
    public string Country { get; set; } = "United Kingdom";
    public bool IsDefault { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

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

/// <summary>Whether a brand's listings in one category also appear on the main marketplace (default: yes).</summary>
public sealed class CrossListingRule
{
    public required string BrandId { get; set; }
    public required string Category { get; set; }
    public bool OnMarketplace { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Append-only record of a settings or key change: who, with which key, what, when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public required string BrandId { get; set; }
    public Guid? ActorKeyId { get; set; }
    public string? ActorKeyPrefix { get; set; }
    public required string Action { get; set; }
    public string? TargetId { get; set; }
    /// <summary>JSON object of field: {from, to}; secrets never appear here.</summary>
    public string Changes { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
}
