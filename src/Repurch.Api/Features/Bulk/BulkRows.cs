using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Bulk;

public enum CellKind { Text, Money, WholeNumber, Choice, Multi, Date, Urls }

public sealed record BulkColumn(string Name, CellKind Kind, string Help, bool Required = false);

/// <summary>
/// The columns of a bulk file, in the template's order (the API reference's example headers first).
/// Each maps to the create-listing field of the same name, and each row is validated by
/// <see cref="ListingInput.Apply"/> exactly as a POST /v1/listings body would be.
/// </summary>
public static class BulkColumns
{
    public const int MaxRows = 200;
    public const string MissingTitle = "(missing title)";

    public static readonly BulkColumn[] All =
    [
        new("title", CellKind.Text, "Display title, up to 200 characters.", Required: true),
        new("price_gbp", CellKind.Money, "Sale price in GBP, e.g. 899 or 899.50.", Required: true),
        new("category", CellKind.Choice, "Pick from the list (your taxonomy).", Required: true),
        new("condition", CellKind.Choice, "like-new, excellent, gently-used or fair.", Required: true),
        new("brand", CellKind.Choice, "Manufacturer; pick from the list."),
        new("colour", CellKind.Choice, "Dominant colour; pick from the list."),
        new("fabric", CellKind.Choice, "Upholstery material; pick from the list."),
        new("age_years", CellKind.Choice, "Age band; pick from the list."),
        new("item_type", CellKind.Choice, "Pick from the list."),
        new("description", CellKind.Text, "Long-form description, plain text or basic HTML."),
        new("sale_price_gbp", CellKind.Money, "Promotional price, not above price_gbp."),
        new("rrp_gbp", CellKind.Money, "Original retail price."),
        new("delivery_contribution_gbp", CellKind.WholeNumber, "0, 30, 60 or 129 (=free delivery). Blank means 0."),
        new("quantity_identical", CellKind.WholeNumber, "Identical units in stock, 1 to 10000. Blank means 1."),
        new("available_from", CellKind.Date, "Date the item can be collected, YYYY-MM-DD."),
        new("exposed_to", CellKind.Multi, "Dogs, Cats, Smoke or None; several separated by commas."),
        new("faults", CellKind.Multi, "Rips or tears, Fire Label or None; several separated by commas. Blank means None."),
        new("status", CellKind.Choice, "active (default) or draft."),
        new("sku", CellKind.Text, "Your stock keeping unit. In background jobs a row whose sku matches a listing updates it."),
        new("warehouse_location", CellKind.Text, "Free-form bay or aisle."),
        new("images", CellKind.Urls, "Image URLs (http or https) separated by spaces or line breaks; the first is the cover."),
    ];

    /// <summary>Columns a job report adds; ignored when a corrected report is uploaded again.</summary>
    public static readonly string[] ReportColumns = ["import_result", "import_errors", "listing_id"];

    public static BulkColumn? Find(string name) => Array.Find(All, c => c.Name == name);

    /// <summary>The values an enumerated column accepts for the brand, or null for free columns.</summary>
    public static IReadOnlyList<string>? Choices(string column, ListingOptions o) => column switch
    {
        "category" => o.Categories,
        "condition" => o.Conditions.Select(c => c.Value).ToList(),
        "brand" => o.Brands,
        "colour" => o.Colours,
        "fabric" => o.Fabrics,
        "age_years" => o.Ages,
        "item_type" => o.ItemTypes,
        "delivery_contribution_gbp" => PlatformTaxonomy.DeliveryContributions.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToList(),
        "exposed_to" => o.Exposures.Select(e => e.Value).ToList(),
        "faults" => o.Faults.Select(f => f.Value).ToList(),
        "status" => ListingInput.InputStatuses,
        _ => null,
    };

    /// <summary>Header cells as written in files: trimmed, case and spaces forgiven ("Price GBP" is price_gbp).</summary>
    public static string Normalize(string? header) =>
        (header ?? "").Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
}

/// <summary>How the header row maps a file's columns: to a listing field, to an ignored report column, or unknown.</summary>
public sealed class BulkHeader
{
    public IReadOnlyList<string> Raw { get; }
    private readonly BulkColumn?[] _columns;
    private readonly string?[] _unknown;

    private BulkHeader(IReadOnlyList<string> raw, BulkColumn?[] columns, string?[] unknown)
    {
        Raw = raw;
        _columns = columns;
        _unknown = unknown;
    }

    public int Count => _columns.Length;

    /// <summary>Reads the header row; throws <see cref="BadFileException"/> for an unusable one.</summary>
    public static BulkHeader Parse(SheetRow row)
    {
        var raw = row.Cells.Select(c => c ?? "").ToList();
        // Trailing empty header cells are formatting, not columns.
        while (raw.Count > 0 && string.IsNullOrWhiteSpace(raw[^1])) raw.RemoveAt(raw.Count - 1);
        if (raw.Count == 0) throw new BadFileException("The first row must be the header row (title, price_gbp, category, condition, …) but it is empty.");
        var columns = new BulkColumn?[raw.Count];
        var unknown = new string?[raw.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < raw.Count; i++)
        {
            var name = BulkColumns.Normalize(raw[i]);
            if (name.Length == 0) continue;
            if (!seen.Add(name)) throw new BadFileException($"The header row names the column \"{Truncate(raw[i])}\" twice.");
            if (BulkColumns.ReportColumns.Contains(name)) continue;
            if (BulkColumns.Find(name) is { } column) columns[i] = column;
            else unknown[i] = name;
        }
        if (columns.All(c => c is null))
            throw new BadFileException("The header row has none of the expected columns (title, price_gbp, category, condition, …). Start from GET /v1/listings/bulk-template.");
        return new BulkHeader(raw, columns, unknown);
    }

    private static string Truncate(string s) => s.Length > 50 ? s[..50] + "…" : s;

    /// <summary>
    /// The row as a create-listing JSON body: blank cells are omitted, numbers stay numbers, lists are
    /// split, the channel is always clearance. Cells under unknown headers become unknown fields, so
    /// they fail with <c>&lt;column&gt;_unknown</c> just as an unknown JSON field would.
    /// </summary>
    public JsonDocument ToJson(SheetRow row)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("channel", "clearance");
            var count = Math.Min(row.Cells.Length, _columns.Length);
            for (var i = 0; i < count; i++)
            {
                var cell = row.Cells[i]?.Trim();
                if (string.IsNullOrEmpty(cell)) continue;
                if (_columns[i] is { } column) Write(w, column, cell, row.Numeric[i]);
                else if (_unknown[i] is { } name) w.WriteString(name, cell);
            }
            // Cells beyond the header have no column name at all.
            for (var i = count; i < row.Cells.Length; i++)
            {
                if (!string.IsNullOrWhiteSpace(row.Cells[i])) { w.WriteString($"column_{BulkFile.ColumnName(i)}", row.Cells[i]); break; }
            }
            w.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    private static void Write(Utf8JsonWriter w, BulkColumn column, string cell, bool numeric)
    {
        switch (column.Kind)
        {
            case CellKind.Money:
                // Spreadsheet numbers are binary floating point: 899.99 may come back as 899.9900000000001.
                if (numeric && decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var money))
                {
                    var rounded = decimal.Round(money, 2, MidpointRounding.AwayFromZero);
                    w.WriteNumber(column.Name, Math.Abs(money - rounded) < 0.000001m ? rounded : money);
                }
                else w.WriteString(column.Name, cell);
                break;
            case CellKind.WholeNumber:
                if (decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | (numeric ? NumberStyles.AllowExponent : 0), CultureInfo.InvariantCulture, out var number))
                    w.WriteNumber(column.Name, number);
                else w.WriteString(column.Name, cell);
                break;
            case CellKind.Date:
                // A date typed into Excel is stored as a serial day number.
                if (numeric && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2_958_466)
                    w.WriteString(column.Name, DateTime.FromOADate(Math.Floor(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                else w.WriteString(column.Name, cell);
                break;
            case CellKind.Multi:
                w.WriteStartArray(column.Name);
                foreach (var part in cell.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) w.WriteStringValue(part);
                w.WriteEndArray();
                break;
            case CellKind.Urls:
                w.WriteStartArray(column.Name);
                foreach (var part in cell.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)) w.WriteStringValue(part);
                w.WriteEndArray();
                break;
            default:
                w.WriteString(column.Name, cell);
                break;
        }
    }

    public string Title(SheetRow row)
    {
        var i = Array.FindIndex(_columns, c => c?.Name == "title");
        var title = i >= 0 && i < row.Cells.Length ? row.Cells[i]?.Trim() : null;
        if (string.IsNullOrEmpty(title)) return BulkColumns.MissingTitle;
        return title.Length > ListingInput.MaxTitle ? title[..ListingInput.MaxTitle] : title;
    }
}

/// <summary>One data row checked against the create-listing rules.</summary>
public sealed record CheckedRow(SheetRow Source, string Title, Listing? Listing, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;
}

public static class BulkValidator
{
    /// <summary>Validates a row by building a fresh listing from it; the listing is ready to save when <see cref="CheckedRow.Ok"/>.</summary>
    public static CheckedRow Check(BulkHeader header, SheetRow row, ListingOptions options, string brandId, DateTimeOffset now)
    {
        var listing = NewListing(brandId, now);
        List<string> errors;
        using (var json = header.ToJson(row))
        {
            errors = ListingInput.Apply(json.RootElement, listing, options, creating: true);
        }
        if (row.Malformed) errors.Insert(0, "row_malformed");
        if (errors.Count == 0) listing.Slug = ListingInput.Slugify(listing.Title);
        return new CheckedRow(row, header.Title(row), errors.Count == 0 ? listing : null, errors);
    }

    /// <summary>Applies an already validated row to an existing listing (an update by sku).</summary>
    public static void ApplyTo(BulkHeader header, SheetRow row, Listing existing, ListingOptions options, DateTimeOffset now)
    {
        using var json = header.ToJson(row);
        ListingInput.Apply(json.RootElement, existing, options, creating: true);
        existing.Slug = ListingInput.Slugify(existing.Title);
        existing.UpdatedAt = now;
    }

    public static Listing NewListing(string brandId, DateTimeOffset now) => new()
    {
        BrandId = brandId, Title = "", Condition = "", Category = "", Slug = "", CreatedAt = now, UpdatedAt = now,
    };

    internal static string Json(object value) => JsonSerializer.Serialize(value, Http.Json.Options);
}
