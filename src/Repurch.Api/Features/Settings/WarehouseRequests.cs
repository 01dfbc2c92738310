using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Repurch.Api.Features.Settings;

/// <summary>
/// The body of create and update, for the OpenAPI document (bodies are validated field by field).
/// Only <c>label</c> is required, and only on create; PATCH takes any subset.
/// </summary>
public sealed class WarehouseWrite
{
    [Description("Short identifier shown in the partner dashboard, e.g. `Long Eaton DC`. 1-100 characters after trimming. Required on create.")]
    public required string Label { get; init; }

    [Description("On-site contact, up to 200 characters.")]
    public string? ContactName { get; init; }

    [Description("On-site contact email, up to 254 characters.")]
    public string? ContactEmail { get; init; }

    [Description("On-site contact phone: digits, spaces, `+`, `-` and brackets, with 7-20 digits and balanced brackets; up to 40 characters.")]
    public string? ContactPhone { get; init; }

    [Description("First line of the address, up to 200 characters.")]
    [JsonPropertyName("address_1")]
    public string? Address1 { get; init; }

    [Description("Second address line, up to 200 characters.")]
    [JsonPropertyName("address_2")]
    public string? Address2 { get; init; }

    [Description("City, up to 100 characters.")]
    public string? City { get; init; }

    [Description("UK postcode; stored and returned upper case with one space (`ng102qq` becomes `NG10 2QQ`).")]
    public string? Postcode { get; init; }

    [Description("Country, up to 100 characters. Default `United Kingdom`; `null` or `\"\"` resets it.")]
    public string? Country { get; init; }

    [Description("`true` makes this warehouse the default and demotes the previous one. The brand's first warehouse is always the default. On update, `false` is rejected on the current default (`is_default_invalid`).")]
    public bool IsDefault { get; init; }
}
