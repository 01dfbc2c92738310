using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Repurch.Api.Features.Settings;

public sealed record BrandProfileResponse(
    [property: Description("Slug identifying the partner workspace.")] string BrandId,
    BrandProfileView Profile);

public sealed record BrandProfileView(
    [property: Description("Public brand name shown across marketplace surfaces; null until the first save.")] string? DisplayName,
    [property: Description("Short positioning line.")] string? Tagline,
    [property: Description("Long-form brand description.")] string? Description,
    [property: Description("Customer-facing support email.")] string? SupportEmail,
    [property: Description("Customer-facing support phone.")] string? SupportPhone,
    [property: Description("Public URL of the brand logo.")] string? LogoUrl,
    [property: Description("Six-digit hex code used for charts and per-brand accents, upper-case.")] string? AccentColor);

public sealed record BillingEntityResponse(
    [property: Description("Slug identifying the partner workspace.")] string BrandId,
    BillingEntityView Billing);

public sealed record BillingEntityView(
    [property: Description("Registered legal name.")] string? CompanyName,
    [property: Description("First line of the registered address."), JsonPropertyName("address_1")] string? Address1,
    [property: Description("Optional second address line."), JsonPropertyName("address_2")] string? Address2,
    [property: Description("City of the registered address.")] string? City,
    [property: Description("Postal code; UK postcodes in the Royal Mail form, e.g. NG10 2QQ.")] string? Postcode,
    [property: Description("Country. Default United Kingdom.")] string Country,
    [property: Description("Companies House registration number, 8 characters.")] string? CompanyNumber,
    [property: Description("VAT registration number, if applicable, without spaces.")] string? VatNumber,
    [property: Description("Address where remittance PDFs and invoices are sent.")] string? InvoiceEmail);
