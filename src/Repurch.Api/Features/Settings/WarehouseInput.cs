using System.Text.Json;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Settings;

/// <summary>
/// A validated create or update body: the text fields it sets (normalised; null clears) and the
/// requested default flag. Built without touching the database, applied inside the transaction.
/// </summary>
public sealed class WarehouseChanges
{
    public Dictionary<string, string?> Text { get; } = new(StringComparer.Ordinal);
    public bool? IsDefault { get; set; }
}

/// <summary>
/// Validates a warehouse body field by field. Every failing field contributes its own code;
/// nothing is saved unless the list of codes is empty.
/// </summary>
public static class WarehouseInput
{
    public const string DefaultCountry = "United Kingdom";

    /// <summary>Fields accepted on create and update, in the order their errors are reported, with their maximum lengths.</summary>
    public static readonly (string Name, int Max)[] TextFields =
    [
        ("label", 100), ("contact_name", 200), ("contact_email", 254), ("contact_phone", 40),
        ("address_1", 200), ("address_2", 200), ("city", 100), ("postcode", 10), ("country", 100),
    ];

    public const string IsDefaultField = "is_default";

    private static readonly string[] FieldNames = [.. TextFields.Select(f => f.Name), IsDefaultField];

    public static List<string> Parse(JsonElement body, bool creating, out WarehouseChanges changes)
    {
        changes = new WarehouseChanges();
        var r = new FieldReader(body, FieldNames, creating: creating);
        foreach (var (field, max) in TextFields)
        {
            // Every field is a single line; blank or null clears it (the country back to its default).
            var text = field switch
            {
                "label" => r.Text(field, max, FieldPresence.Required),
                "postcode" => r.Formatted(field, FieldFormats.UkPostcode),
                _ => r.Text(field, max),
            };
            if (!text.Set) continue;
            var value = text.Value is not { } given ? null : field switch
            {
                "contact_email" => FieldFormats.Email(given),
                "contact_phone" => FieldFormats.Phone(given),
                _ => given,
            };
            if (text.Value is not null && value is null) { r.Add(r.Code(field, "invalid")); continue; }
            changes.Text[field] = value ?? (field == "country" ? DefaultCountry : null);
        }
        if (r.Bool(IsDefaultField) is { Set: true } isDefault) changes.IsDefault = isDefault.Value;
        return r.Errors;
    }

    public static void Apply(WarehouseChanges changes, Warehouse w)
    {
        foreach (var (field, value) in changes.Text)
        {
            switch (field)
            {
                case "label": w.Label = value!; break;
                case "contact_name": w.ContactName = value; break;
                case "contact_email": w.ContactEmail = value; break;
                case "contact_phone": w.ContactPhone = value; break;
                case "address_1": w.Address1 = value; break;
                case "address_2": w.Address2 = value; break;
                case "city": w.City = value; break;
                case "postcode": w.Postcode = value; break;
                case "country": w.Country = value ?? DefaultCountry; break;
            }
        }
    }
}
