using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Http;
using Repurch.Api.Persistence;
using SpreadCheetah;

namespace Repurch.Api.Features.Bulk;

/// <summary>
/// A job's per-row report: the partner's own file, row by row, with <see cref="BulkColumns.ReportColumns"/>
/// added. The original file and the stored outcomes are both read in row order and merged, and the
/// report is written to a temporary file that is deleted once sent: memory stays flat at any size.
/// </summary>
public static class BulkReports
{
    public static async Task<Stream> WriteAsync(RepurchDb db, BulkJob job, string format, bool errorsOnly, CancellationToken ct)
    {
        var source = await BulkJobFiles.DownloadAsync(db, job.Id, ct);
        var path = Path.Combine(Path.GetTempPath(), $"repurch-report-{Guid.NewGuid():N}");
        try
        {
            await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920))
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var file = BulkFile.Open(input, BulkLimits.Large);
                var outcomes = db.BulkJobRows.Where(r => r.JobId == job.Id).OrderBy(r => r.Row).AsAsyncEnumerable().GetAsyncEnumerator(ct);
                await using (outcomes)
                {
                    var writer = format == "csv" ? (IReportWriter)new CsvReportWriter(output) : await XlsxReportWriter.CreateAsync(output, ct);
                    await using (writer)
                    {
                        await MergeAsync(file, outcomes, writer, errorsOnly, ct);
                    }
                }
            }
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            File.Delete(source);
        }
    }

    private static async Task MergeAsync(BulkFile file, IAsyncEnumerator<BulkJobRow> outcomes, IReportWriter writer, bool errorsOnly, CancellationToken ct)
    {
        int[]? keep = null;
        var hasOutcome = await outcomes.MoveNextAsync();
        foreach (var row in file.Rows())
        {
            if (keep is null)
            {
                // The header, without report columns of an earlier report that was uploaded again.
                keep = Enumerable.Range(0, row.Cells.Length)
                    .Where(i => !BulkColumns.ReportColumns.Contains(BulkColumns.Normalize(row.Cells[i]))).ToArray();
                while (keep.Length > 0 && string.IsNullOrWhiteSpace(row.Cells[keep[^1]])) keep = keep[..^1];
                await writer.WriteRowAsync(keep.Select(i => (row.Cells[i], false)).Concat(BulkColumns.ReportColumns.Select(c => ((string?)c, false))).ToList(), ct);
                continue;
            }
            while (hasOutcome && outcomes.Current.Row < row.Number) hasOutcome = await outcomes.MoveNextAsync();
            if (!hasOutcome || outcomes.Current.Row != row.Number) continue; // blank rows have no outcome
            var outcome = outcomes.Current;
            if (errorsOnly && outcome.Result != "error") continue;
            var cells = keep.Select(i => (i < row.Cells.Length ? row.Cells[i] : null, i < row.Numeric.Length && row.Numeric[i])).ToList();
            cells.Add((outcome.Result, false));
            cells.Add((outcome.Errors is { Length: > 0 } e ? string.Join(BulkEndpoints.ErrorSeparator, e) : null, false));
            cells.Add((outcome.ListingId?.ToString(CultureInfo.InvariantCulture), outcome.ListingId is not null));
            await writer.WriteRowAsync(cells, ct);
        }
    }

    private interface IReportWriter : IAsyncDisposable
    {
        ValueTask WriteRowAsync(IReadOnlyList<(string? Value, bool Numeric)> cells, CancellationToken ct);
    }

    /// <summary>RFC 4180 output in UTF-8 with a BOM (so Excel reads it as UTF-8); every cell neutralised.</summary>
    private sealed class CsvReportWriter(Stream output) : IReportWriter
    {
        private readonly StreamWriter _writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        private readonly StringBuilder _line = new();

        public async ValueTask WriteRowAsync(IReadOnlyList<(string? Value, bool Numeric)> cells, CancellationToken ct)
        {
            _line.Clear();
            for (var i = 0; i < cells.Count; i++)
            {
                if (i > 0) _line.Append(',');
                var value = SpreadsheetText.Neutralize(cells[i].Value);
                if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0) _line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                else _line.Append(value);
            }
            _line.Append("\r\n");
            await _writer.WriteAsync(_line, ct);
        }

        public async ValueTask DisposeAsync()
        {
            await _writer.FlushAsync();
            await _writer.DisposeAsync();
        }
    }

    /// <summary>The report as a workbook: the partner's numbers stay numbers, text is neutralised.</summary>
    private sealed class XlsxReportWriter : IReportWriter
    {
        private readonly Spreadsheet _book;
        private XlsxReportWriter(Spreadsheet book) => _book = book;

        public static async Task<XlsxReportWriter> CreateAsync(Stream output, CancellationToken ct)
        {
            var book = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions { WriteCellReferenceAttributes = true }, ct);
            await book.StartWorksheetAsync(BulkTemplate.DataSheet, new SpreadCheetah.Worksheets.WorksheetOptions { FrozenRows = 1 }, ct);
            return new XlsxReportWriter(book);
        }

        public async ValueTask WriteRowAsync(IReadOnlyList<(string? Value, bool Numeric)> cells, CancellationToken ct)
        {
            var row = new DataCell[cells.Count];
            for (var i = 0; i < cells.Count; i++)
            {
                var (value, numeric) = cells[i];
                row[i] = numeric && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                    ? new DataCell(d)
                    : new DataCell(SpreadsheetText.Neutralize(value));
            }
            await _book.AddRowAsync(row, ct);
        }

        public async ValueTask DisposeAsync()
        {
            await _book.FinishAsync();
            await _book.DisposeAsync();
        }
    }
}
