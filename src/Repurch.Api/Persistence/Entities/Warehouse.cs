namespace Repurch.Api.Persistence;

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
