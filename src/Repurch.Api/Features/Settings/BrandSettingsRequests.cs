using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using static Repurch.Api.Features.Settings.BrandSettingsInput;

namespace Repurch.Api.Features.Settings;

/// <summary>The body of PATCH /v1/partner/settings/brand, for the OpenAPI document (bodies are validated field by field; no field is required by the schema).</summary>
public sealed record BrandProfilePatch(
    [property: Description("Public brand name. Required on first save; cannot be cleared."), MaxLength(BrandSettingsEndpoints.MaxDisplayName)] string? DisplayName = null,
    [property: Description("Short positioning line, one line."), MaxLength(BrandSettingsEndpoints.MaxTagline)] string? Tagline = null,
    [property: Description("Long-form brand description; line breaks allowed."), MaxLength(BrandSettingsEndpoints.MaxDescription)] string? Description = null,
    [property: Description("Customer-facing support email: one plain address."), MaxLength(MaxEmail)] string? SupportEmail = null,
    [property: Description("Customer-facing support phone: digits, spaces, -, parentheses and a leading +; 7 to 20 digits.")] string? SupportPhone = null,
    [property: Description("Public HTTPS URL of the brand logo."), MaxLength(2048)] string? LogoUrl = null,
    [property: Description("Six-digit hex code, e.g. #1F4FD9; stored upper-case."), RegularExpression("^#[0-9A-Fa-f]{6}$")] string? AccentColor = null);

/// <summary>The body of PATCH /v1/partner/settings/billing, for the OpenAPI document (bodies are validated field by field; no field is required).</summary>
public sealed record BillingEntityPatch(
    [property: Description("Registered legal name."), MaxLength(BrandSettingsEndpoints.MaxCompanyName)] string? CompanyName = null,
    [property: Description("First line of the registered address."), MaxLength(BrandSettingsEndpoints.MaxAddressLine), JsonPropertyName("address_1")] string? Address1 = null,
    [property: Description("Optional second address line."), MaxLength(BrandSettingsEndpoints.MaxAddressLine), JsonPropertyName("address_2")] string? Address2 = null,
    [property: Description("City of the registered address."), MaxLength(BrandSettingsEndpoints.MaxCity)] string? City = null,
    [property: Description("Postal code. UK postcodes in any case and spacing; stored as e.g. NG10 2QQ.")] string? Postcode = null,
    [property: Description("Country. Default United Kingdom; clearing it restores the default."), MaxLength(BrandSettingsEndpoints.MaxCountry)] string? Country = null,
    [property: Description("Companies House registration number: 8 digits, or a two-letter prefix (SC, NI, OC, ...) or R0 and 6 digits.")] string? CompanyNumber = null,
    [property: Description("UK VAT number: GB + 9 or 12 digits, GBGD/GBHA + 3 digits; spaces allowed.")] string? VatNumber = null,
    [property: Description("Address for remittance and invoice delivery."), MaxLength(MaxEmail)] string? InvoiceEmail = null);
