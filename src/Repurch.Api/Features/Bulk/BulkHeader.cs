using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Repurch.Api.Features.Listings;

namespace Repurch.Api.Features.Bulk;

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
