using DocumentFormat.OpenXml;

namespace Repurch.Api.Features.Bulk;

/// <summary>A spreadsheet row: its 1-based number in the file (the header is row 1) and its cells by column.</summary>
public sealed record SheetRow(int Number, string?[] Cells, bool[] Numeric, bool Malformed = false)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}
