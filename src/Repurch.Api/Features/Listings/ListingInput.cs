using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Listings;

/// <summary>
/// Validates a create or update body field by field and applies it to a listing. Every failing
/// field contributes its own code; nothing is saved unless the list of codes is empty.
/// </summary>
public static partial class ListingInput
{
    public const decimal MaxPrice = 1_000_000m;
    public const int MaxTitle = 200;
    public const int MaxDescription = 20_000;
    public const int MaxShortText = 100;
    public const int MaxImages = 20;
    public const int MaxMeasurements = 20;
    public const int MaxQuantity = 10_000;

    /// <summary>Fields accepted on create and update, in the order their errors are reported.</summary>
    public static readonly string[] Fields =
    [
        "title", "description", "channel", "status", "price_gbp", "sale_price_gbp", "rrp_gbp",
        "delivery_contribution_gbp", "condition", "category", "item_type", "brand", "colour", "fabric",
        "age_years", "available_from", "quantity_identical", "measurements", "exposed_to", "faults",
        "images", "attachment_ids", "sku", "warehouse_location", "warehouse_id",
    ];

    public static readonly string[] InputStatuses = ["active", "draft"];

    /// <summary>Applies <paramref name="body"/> to <paramref name="listing"/>; returns the error codes.</summary>
    public static List<string> Apply(JsonElement body, Listing listing, ListingOptions options, bool creating)
    {
        var r = new FieldReader(body, Fields, creating: creating);
        var errors = r.Errors;
        var required = FieldPresence.Required;

        foreach (var field in Fields)
        {
            var has = r.TryGet(field, out var v);
            var isNull = !has || v.ValueKind == JsonValueKind.Null;
            switch (field)
            {
                case "title":
                    if (r.Text(field, MaxTitle, required, multiline: true) is { Set: true, Value: { } title }) listing.Title = title;
                    break;
                case "description":
                    if (r.Text(field, MaxDescription, multiline: true) is { Set: true } description) listing.Description = description.Value;
                    break;
                case "channel":
                    if (r.OneOf(field, PlatformTaxonomy.Channels, FieldPresence.NotNull) is { Set: true } channel) listing.Channel = channel.Value!;
                    break;
                case "status":
                    if (r.OneOf(field, InputStatuses, FieldPresence.NotNull) is { Set: true } status) listing.Status = status.Value!;
                    break;
                case "price_gbp":
                    if (r.TryValue<decimal>(field, required, out v, out _)
                        && Money(v, "price_gbp_invalid", errors, allowZero: false) is { } price) listing.RegularPrice = price;
                    break;
                case "sale_price_gbp":
                    if (r.TryValue<decimal>(field, FieldPresence.Optional, out v, out var saleRead)) listing.SalePrice = Money(v, "sale_price_gbp_invalid", errors, allowZero: false);
                    else if (saleRead.Set) listing.SalePrice = null;
                    break;
                case "rrp_gbp":
                    if (r.TryValue<decimal>(field, FieldPresence.Optional, out v, out var rrp)) listing.Rrp = Money(v, "rrp_gbp_invalid", errors, allowZero: false);
                    else if (rrp.Set) listing.Rrp = null;
                    break;
                case "delivery_contribution_gbp":
                    if (!has) break;
                    if (isNull) { listing.DeliveryContribution = 0; break; }
                    if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var dc) && dc == decimal.Truncate(dc)
                        && Array.IndexOf(PlatformTaxonomy.DeliveryContributions, (int)Math.Clamp(dc, -1, 1000)) >= 0)
                    {
                        listing.DeliveryContribution = (int)dc;
                    }
                    else errors.Add("delivery_contribution_invalid");
                    break;
                case "condition":
                    if (r.OneOf(field, options.Conditions.Select(c => c.Value).ToArray(), required) is { Set: true } condition) listing.Condition = condition.Value!;
                    break;
                case "category":
                    if (r.OneOf(field, options.Categories, required) is { Set: true } category) listing.Category = category.Value!;
                    break;
                case "item_type":
                    if (r.OneOf(field, options.ItemTypes) is { Set: true } itemType) listing.ItemType = itemType.Value;
                    break;
                case "brand":
                    if (r.OneOf(field, options.Brands) is { Set: true } brand) listing.Manufacturer = brand.Value;
                    break;
                case "colour":
                    if (r.OneOf(field, options.Colours) is { Set: true } colour) listing.Colour = colour.Value;
                    break;
                case "fabric":
                    if (r.OneOf(field, options.Fabrics) is { Set: true } fabric) listing.Fabric = fabric.Value;
                    break;
                case "age_years":
                    if (r.OneOf(field, options.Ages) is { Set: true } age) listing.AgeYears = age.Value;
                    break;
                case "available_from":
                    if (!has) break;
                    if (isNull) { listing.AvailableFrom = null; break; }
                    if (v.ValueKind == JsonValueKind.String
                        && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        listing.AvailableFrom = date;
                    }
                    else errors.Add("available_from_invalid");
                    break;
                case "quantity_identical":
                    if (!has) break;
                    if (isNull) { listing.Quantity = 1; break; }
                    if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var q) && q >= 1 && q <= MaxQuantity) listing.Quantity = q;
                    else errors.Add("quantity_identical_invalid");
                    break;
                case "measurements":
                    if (!has) break;
                    if (isNull) { listing.Measurements = "[]"; break; }
                    if (Measurements(v) is { } m) listing.Measurements = m;
                    else errors.Add("measurements_invalid");
                    break;
                case "exposed_to":
                    if (!has) break;
                    if (isNull) { listing.ExposedTo = []; break; }
                    if (MultiSelect(v, options.Exposures.Select(e => e.Value).ToArray()) is { } exposed) listing.ExposedTo = exposed;
                    else errors.Add("exposed_to_invalid");
                    break;
                case "faults":
                    if (has && isNull) { errors.Add("faults_required"); break; }
                    if (!has) break;
                    if (MultiSelect(v, options.Faults.Select(f => f.Value).ToArray()) is { } faults) listing.Faults = faults;
                    else errors.Add("faults_invalid");
                    break;
                case "images":
                    if (!has) break;
                    if (isNull) { listing.Images = []; break; }
                    if (Images(v) is { } images) listing.Images = images;
                    else errors.Add("images_invalid");
                    break;
                case "attachment_ids":
                    // Shape only here; the endpoint resolves the ids to the caller's own uploads (ListingPhotos).
                    if (has && !isNull && AttachmentIds(v) is null) errors.Add("attachment_ids_invalid");
                    break;
                case "sku":
                    if (r.Text(field, MaxShortText, multiline: true) is { Set: true } sku) listing.Sku = sku.Value;
                    break;
                case "warehouse_location":
                    if (r.Text(field, MaxShortText, multiline: true) is { Set: true } location) listing.WarehouseLocation = location.Value;
                    break;
                case "warehouse_id":
                    // Shape only here; the endpoint checks the warehouse is the caller's own.
                    if (!has) break;
                    if (isNull) listing.WarehouseId = null;
                    else if (v.ValueKind == JsonValueKind.String && Guid.TryParse(v.GetString(), out var warehouseId)) listing.WarehouseId = warehouseId;
                    else errors.Add("warehouse_id_invalid");
                    break;
            }
        }

        // The API reference's own create example sends no faults; an omitted list means "None".
        if (creating && !r.Has("faults")) listing.Faults = ["None"];

        // Rules across fields hold on the listing as it would be saved.
        if (listing.Faults.Length == 0 && !errors.Contains("faults_invalid") && !errors.Contains("faults_required"))
            errors.Add("faults_required");
        if (listing.SalePrice is { } sale && sale > listing.RegularPrice && listing.RegularPrice > 0
            && !errors.Contains("sale_price_gbp_invalid") && !errors.Contains("price_gbp_invalid"))
            errors.Add("sale_price_gbp_invalid");
        return errors;
    }

    /// <summary>A positive amount in pounds with at most two decimal places; numeric strings are accepted.</summary>
    private static decimal? Money(JsonElement v, string code, List<string> errors, bool allowZero)
    {
        decimal amount;
        var ok = v.ValueKind switch
        {
            JsonValueKind.Number => v.TryGetDecimal(out amount),
            JsonValueKind.String => TryParseMoneyText(v.GetString()!, out amount),
            _ => (amount = 0) != 0,
        };
        if (!ok || !IsMoney(amount, allowZero))
        {
            errors.Add(code);
            return null;
        }
        return amount;
    }

    /// <summary>A price written as text (a JSON string or a query parameter), read as a body's price is.</summary>
    public static bool TryParseMoneyText(string text, out decimal amount) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount)
        // Digits and a point only: decimal.TryParse on its own also accepts trailing NUL characters.
        && text.All(c => char.IsAsciiDigit(c) || c == '.');

    /// <summary>A positive amount (or zero where allowed) up to <see cref="MaxPrice"/>, to the penny.</summary>
    public static bool IsMoney(decimal amount, bool allowZero) =>
        amount >= 0 && (allowZero || amount != 0) && amount <= MaxPrice && decimal.Round(amount, 2) == amount;

    private static string[]? MultiSelect(JsonElement v, IReadOnlyList<string> allowed)
    {
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() > allowed.Count) return null;
        var values = new List<string>();
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { } s || !allowed.Contains(s) || values.Contains(s)) return null;
            values.Add(s);
        }
        // "None" means none of the others: it cannot be combined with them.
        if (values.Contains("None") && values.Count > 1) return null;
        return [.. values];
    }

    private static string[]? Images(JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() > MaxImages) return null;
        var urls = new List<string>();
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 and <= 2048 } s) return null;
            // Uri.TryCreate tolerates control characters, but the raw string is what gets stored and
            // PostgreSQL text cannot hold NUL (a 500); a newline in a URL is never intended either.
            if (s.Any(char.IsControl)) return null;
            if (!Uri.TryCreate(s, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)) return null;
            urls.Add(s);
        }
        return [.. urls];
    }

    /// <summary>Distinct positive integer ids, at most <see cref="MaxImages"/>; null when the shape is wrong.</summary>
    public static long[]? AttachmentIds(JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() > MaxImages) return null;
        var ids = new List<long>();
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var id) || id <= 0 || ids.Contains(id)) return null;
            ids.Add(id);
        }
        return [.. ids];
    }

    private static string? Measurements(JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() > MaxMeasurements) return null;
        var items = new List<MeasurementDto>();
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) return null;
            string? dimension = null;
            decimal? value = null;
            foreach (var p in item.EnumerateObject())
            {
                // No control characters: jsonb rejects an escaped NUL (a 500) and the rest are never meant.
                // A key sent twice is a wrong shape too (dimension or value_cm already read).
                if (p.Name == "dimension" && dimension is null && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 } d
                    && FieldFormats.Length(d) <= 50 && !d.Any(char.IsControl)) dimension = d.Trim();
                else if (p.Name == "value_cm" && value is null && p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDecimal(out var cm) && cm > 0 && cm <= 10_000) value = cm;
                else return null;
            }
            if (dimension is not { Length: > 0 } || value is null) return null;
            items.Add(new MeasurementDto(dimension, value.Value));
        }
        return JsonSerializer.Serialize(items, Http.Json.Options);
    }

    public static string Slugify(string title)
    {
        var slug = NonSlug().Replace(title.ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 80) slug = slug[..80].TrimEnd('-');
        return slug.Length == 0 ? "listing" : slug;
    }


    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}

public sealed record MeasurementDto(string Dimension, decimal ValueCm);
