using System.ComponentModel;
using System.Text.Json.Serialization;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Settings;

/// <summary>
/// One warehouse as the API shows it. Optional text fields that are not set are <c>""</c>, never
/// <c>null</c> (as in the API reference's example), so every field is always a string.
/// </summary>
public sealed record WarehouseView(
    [property: Description("UUID. Pass as `{id}` in subsequent calls.")] Guid Id,
    string Label,
    string ContactName,
    string ContactEmail,
    string ContactPhone,
    [property: JsonPropertyName("address_1")] string Address1,
    [property: JsonPropertyName("address_2")] string Address2,
    string City,
    string Postcode,
    string Country,
    [property: Description("Exactly one warehouse is the default while the brand has any; the rest are alternates.")] bool IsDefault);

/// <summary>GET /v1/partner/settings/warehouses.</summary>
public sealed record WarehouseList(string BrandId, IReadOnlyList<WarehouseView> Warehouses);

/// <summary>The body of create, update and retrieve.</summary>
public sealed record WarehouseEnvelope(WarehouseView Warehouse);

/// <summary>One entry of the list set-default returns.</summary>
public sealed record WarehouseSummary(Guid Id, string Label, bool IsDefault);

/// <summary>POST /v1/partner/settings/warehouses/{id}/set-default: the brand's whole address book after the change.</summary>
public sealed record WarehouseSummaryList(IReadOnlyList<WarehouseSummary> Warehouses);

/// <summary>DELETE /v1/partner/settings/warehouses/{id}.</summary>
public sealed record WarehouseDeleted(bool Deleted);

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

public static class WarehouseMapper
{
    public static WarehouseView View(Warehouse w) => new(
        w.Id, w.Label, w.ContactName ?? "", w.ContactEmail ?? "", w.ContactPhone ?? "",
        w.Address1 ?? "", w.Address2 ?? "", w.City ?? "", w.Postcode ?? "", w.Country, w.IsDefault);

    public static WarehouseSummary Summary(Warehouse w) => new(w.Id, w.Label, w.IsDefault);

    /// <summary>The audited fields of a warehouse under their wire names (is_default is audited as <c>warehouse.default_changed</c>).</summary>
    public static Dictionary<string, object?> Snapshot(Warehouse w) => new(StringComparer.Ordinal)
    {
        ["label"] = w.Label,
        ["contact_name"] = w.ContactName,
        ["contact_email"] = w.ContactEmail,
        ["contact_phone"] = w.ContactPhone,
        ["address_1"] = w.Address1,
        ["address_2"] = w.Address2,
        ["city"] = w.City,
        ["postcode"] = w.Postcode,
        ["country"] = w.Country,
    };
}
