using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Settings;

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
