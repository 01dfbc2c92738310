using System.ComponentModel;
using System.Text.Json.Serialization;

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
