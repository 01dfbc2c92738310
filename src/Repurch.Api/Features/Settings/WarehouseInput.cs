using Repurch.Api.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
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
public static partial class WarehouseInput
{
    public const string DefaultCountry = "United Kingdom";

    /// <summary>Fields accepted on create and update, in the order their errors are reported, with their maximum lengths.</summary>
    public static readonly (string Name, int Max)[] TextFields =
    [
        ("label", 100), ("contact_name", 200), ("contact_email", 254), ("contact_phone", 40),
        ("address_1", 200), ("address_2", 200), ("city", 100), ("postcode", 10), ("country", 100),
    ];

    public const string IsDefaultField = "is_default";

    public static List<string> Parse(JsonElement body, bool creating, out WarehouseChanges changes)
    {
        changes = new WarehouseChanges();
        var errors = new List<string>();
        var present = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in body.EnumerateObject())
        {
            if (p.Name != IsDefaultField && !TextFields.Any(f => f.Name == p.Name))
            {
                errors.Add(FieldFormats.UnknownFieldCode(p.Name));
                continue;
            }
            present[p.Name] = p.Value;
        }

        foreach (var (field, max) in TextFields)
        {
            var has = present.TryGetValue(field, out var v);
            if (field == "label" && creating && !has) { errors.Add("label_required"); continue; }
            if (!has) continue;
            if (v.ValueKind == JsonValueKind.Null)
            {
                if (field == "label") errors.Add("label_required");
                else changes.Text[field] = field == "country" ? DefaultCountry : null;
                continue;
            }
            if (v.ValueKind != JsonValueKind.String) { errors.Add($"{field}_invalid"); continue; }
            var s = v.GetString()!.Trim();
            if (s.Length == 0)
            {
                if (field == "label") errors.Add("label_required");
                else changes.Text[field] = field == "country" ? DefaultCountry : null;
                continue;
            }
            // Every field is a single line: no control characters at all.
            if (s.Any(char.IsControl)) { errors.Add($"{field}_invalid"); continue; }
            switch (field)
            {
                case "postcode":
                    if (FieldFormats.UkPostcode(s) is { } postcode) changes.Text[field] = postcode;
                    else errors.Add("postcode_invalid");
                    break;
                case "contact_email":
                    if (s.Length > max) errors.Add("contact_email_too_long");
                    else if (FieldFormats.Email(s) is { } email) changes.Text[field] = email;
                    else errors.Add("contact_email_invalid");
                    break;
                case "contact_phone":
                    if (s.Length > max) errors.Add("contact_phone_too_long");
                    else if (FieldFormats.Phone(s) is { } phone) changes.Text[field] = phone;
                    else errors.Add("contact_phone_invalid");
                    break;
                default:
                    if (s.Length > max) errors.Add($"{field}_too_long");
                    else changes.Text[field] = s;
                    break;
            }
        }

        if (present.TryGetValue(IsDefaultField, out var d))
        {
            if (d.ValueKind is JsonValueKind.True or JsonValueKind.False) changes.IsDefault = d.GetBoolean();
            else errors.Add("is_default_invalid");
        }
        return errors;
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
