using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Bulk;

/// <summary>The cell kinds Excel, LibreOffice and Google Sheets write, read as the partner sees them.</summary>
public sealed class XlsxReadingTests : ApiTest
{
    [Fact]
    public async Task Shared_rich_inline_boolean_and_sparse_cells_read_as_their_displayed_text()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var body = await (await client.PostJsonAsync("/v1/listings/bulk-validate", BulkFiles.B64Body(Workbook()))).OkAsync();

        var rows = body.GetProperty("rows").EnumerateArray().ToList();
        // Row 3 is missing from the file and row 5 has no r attribute (it follows row 4).
        Assert.Equal([2, 4, 5], rows.Select(r => r.GetProperty("row").GetInt32()));
        Assert.All(rows, r => Assert.True(r.GetProperty("status").GetString() == "ok", r.ToString()));
        Assert.Equal(["Grey velvet sofa", "Oak table", "Tan armchair"], rows.Select(r => r.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_shared_string_index_out_of_range_is_an_empty_cell_not_a_crash()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var body = await (await client.PostJsonAsync("/v1/listings/bulk-validate", BulkFiles.B64Body(Workbook(badIndex: true)))).OkAsync();
        var first = body.GetProperty("rows")[0];
        Assert.Equal("error", first.GetProperty("status").GetString());
        Assert.Contains("title_required", first.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
    }

    private static byte[] Workbook(bool badIndex = false)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("title")), new SharedStringItem(new Text("price_gbp")), new SharedStringItem(new Text("category")),
                new SharedStringItem(new Text("condition")), new SharedStringItem(new Text("quantity_identical")),
                // Rich text in two runs, with a phonetic guide that is not part of the value.
                new SharedStringItem(new Run(new Text("Grey velvet ")), new Run(new RunProperties(new Bold()), new Text("sofa")),
                    new PhoneticRun(new Text("ソファ")) { BaseTextStartIndex = 0, EndingBaseIndex = 4 }),
                new SharedStringItem(new Text("like-new")), new SharedStringItem(new Text("Armchairs") { Space = SpaceProcessingModeValues.Preserve }));
            var ws = wb.AddNewPart<WorksheetPart>();
            Cell S(string r, int i) => new() { CellReference = r, DataType = CellValues.SharedString, CellValue = new CellValue(i) };
            Cell N(string r, string v) => new() { CellReference = r, CellValue = new CellValue(v) };
            Cell I(string r, string v) => new() { CellReference = r, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v)) };
            var data = new SheetData(
                new Row(S("A1", 0), S("B1", 1), S("C1", 2), S("D1", 3), S("F1", 4)) { RowIndex = 1 },
                new Row(S("A2", badIndex ? 99 : 5), N("B2", "599.5"), I("C2", "Corner Sofas"), S("D2", 6), N("F2", "2")) { RowIndex = 2 },
                new Row(I("A4", "Oak table"), N("B4", "120"), S("C4", 7), I("D4", "fair"),
                    new Cell { CellReference = "E4", DataType = CellValues.Boolean, CellValue = new CellValue("1") }) { RowIndex = 4 },
                // No r attributes at all: the row follows the previous one and cells go left to right.
                new Row(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Run(new Text("Tan ")), new Run(new Text("armchair"))) },
                    new Cell { CellValue = new CellValue("80") }, new Cell { DataType = CellValues.String, CellValue = new CellValue("Armchairs") },
                    new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("excellent")) }));
            ws.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Listings" }));
        }
        return ms.ToArray();
    }
}
