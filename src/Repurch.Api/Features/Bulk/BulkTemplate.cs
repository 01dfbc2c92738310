using Repurch.Api.Features.Taxonomy;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Validations;
using SpreadCheetah.Worksheets;

namespace Repurch.Api.Features.Bulk;

/// <summary>
/// The import template: a <c>Listings</c> sheet whose header row is <see cref="BulkColumns.All"/> in
/// order, with a list data validation (a native dropdown) on every enumerated column; an
/// <c>Instructions</c> sheet; and a hidden <c>Lists</c> sheet holding the brand's option lists, which the
/// dropdowns reference by range (inline lists are capped at 255 characters by the file format).
/// </summary>
public static class BulkTemplate
{
    public const string FileName = "repurch-clearance-import-template.xlsx";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DataSheet = "Listings";
    public const string ListsSheet = "Lists";
    /// <summary>Dropdowns cover this many data rows, enough for a large background job.</summary>
    public const int ValidatedRows = 100_000;

    public static async Task WriteAsync(Stream output, ListingOptions options, CancellationToken ct)
    {
        await using var book = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions { WriteCellReferenceAttributes = true }, ct);
        var bold = book.AddStyle(new Style { Font = { Bold = true } });
        var columns = BulkColumns.All;

        var sheetOptions = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < columns.Length; i++) sheetOptions.Column(i + 1).Width = columns[i].Name is "title" or "description" ? 40 : 20;
        await book.StartWorksheetAsync(DataSheet, sheetOptions, ct);
        await book.AddRowAsync(columns.Select(c => new StyledCell(c.Name, bold)).ToArray(), ct);

        var listColumn = 0;
        var lists = new List<IReadOnlyList<string>>();
        for (var i = 0; i < columns.Length; i++)
        {
            if (BulkColumns.Choices(columns[i].Name, options) is not { Count: > 0 } values) continue;
            var letter = BulkFile.ColumnName(listColumn++);
            lists.Add(values);
            // Absolute: a relative range is read relative to each validated cell, so it would slide
            // down one row per row ('Lists'!A2:A9 for row 3) and refuse the list's first values.
            var validation = DataValidation.ListValuesFromCells(ListsSheet, $"${letter}$1:${letter}${values.Count}");
            // Multi-selects take "Dogs, Cats": the dropdown offers single values and only warns on combinations.
            validation.ErrorType = columns[i].Kind == CellKind.Multi ? ValidationErrorType.Warning : ValidationErrorType.Blocking;
            validation.ErrorTitle = columns[i].Name;
            validation.ErrorMessage = columns[i].Kind == CellKind.Multi
                ? "Pick a value from the list; several are separated by commas."
                : "Pick a value from the list.";
            validation.IgnoreBlank = true;
            var col = BulkFile.ColumnName(i);
            book.AddDataValidation($"{col}2:{col}{ValidatedRows + 1}", validation);
        }

        var help = new WorksheetOptions();
        help.Column(1).Width = 28;
        help.Column(2).Width = 12;
        help.Column(3).Width = 90;
        await book.StartWorksheetAsync("Instructions", help, ct);
        await book.AddRowAsync([new StyledCell("Repurch clearance import", bold)], ct);
        foreach (var line in Notes) await book.AddRowAsync([new Cell(line)], ct);
        await book.AddRowAsync(Array.Empty<Cell>(), ct);
        await book.AddRowAsync([new StyledCell("column", bold), new StyledCell("required", bold), new StyledCell("what to enter", bold)], ct);
        foreach (var c in columns)
            await book.AddRowAsync([new Cell(c.Name), new Cell(c.Required ? "yes" : "no"), new Cell(c.Help)], ct);

        await book.StartWorksheetAsync(ListsSheet, new WorksheetOptions { Visibility = WorksheetVisibility.Hidden }, ct);
        var longest = lists.Count == 0 ? 0 : lists.Max(l => l.Count);
        for (var r = 0; r < longest; r++)
        {
            var row = new Cell[lists.Count];
            for (var c = 0; c < lists.Count; c++) row[c] = r < lists[c].Count ? new Cell(lists[c][r]) : new Cell((string?)null);
            await book.AddRowAsync(row, ct);
        }
        await book.FinishAsync(ct);
    }

    private static readonly string[] Notes =
    [
        "Fill in one listing per row on the Listings sheet, starting at row 2. Keep the header row (row 1) as it is.",
        "Every listing is created on the clearance channel for your brand. Blank cells are left out.",
        "Dropdowns list your brand's own options (GET /v1/listings/options); values must match them exactly.",
        "exposed_to and faults take several values separated by commas, e.g. \"Dogs, Cats\".",
        $"POST /v1/listings/bulk-validate checks a file without writing; POST /v1/listings/bulk-commit creates the valid rows. Both take up to {BulkColumns.MaxRows} rows.",
        "Larger files go to POST /v1/listings/bulk-jobs (any size). There, a row whose sku matches one of your listings updates it instead of creating a copy.",
        "Row numbers in every report count the header as row 1, so the first listing is row 2.",
    ];
}
