namespace Repurch.Api.Persistence;

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
