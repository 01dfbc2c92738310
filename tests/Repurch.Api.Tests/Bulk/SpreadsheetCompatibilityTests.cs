using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Repurch.Api.Features.Bulk;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Bulk;

/// <summary>
/// What partners open our workbooks with. Excel's "We found a problem with some content… repair?" comes
/// from parts that break the Office Open XML schema, so every workbook we send is checked against it;
/// LibreOffice is run for real (headless) where it is installed. <c>.ci/run</c> installs it and sets
/// <c>REPURCH_REQUIRE_LIBREOFFICE=1</c>, so in CI a missing LibreOffice fails instead of skipping.
/// </summary>
public sealed class SpreadsheetCompatibilityTests : ApiTest
{
    [Fact]
    public async Task Template_and_job_reports_break_no_Office_Open_XML_schema_rule_so_Excel_opens_them_without_repair()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var template = await (await client.GetAsync("/v1/listings/bulk-template")).Content.ReadAsByteArrayAsync();
        AssertSchemaValid(template, "bulk template");

        var upload = await BulkFiles.XlsxAsync(BulkFiles.XlsxHeader, [BulkFiles.XlsxRow(1), ["=HYPERLINK(\"http://evil\",\"x\")", null, "Beds"]]);
        var started = await BulkFiles.StartJobAsync(client, BulkFiles.Raw(upload, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        var job = await BulkFiles.WaitAsync(client, started.GetProperty("id").GetString()!);
        Assert.Equal(1, job.GetProperty("error_count").GetInt32());
        var report = await client.GetAsync(job.GetProperty("reports").GetProperty("xlsx").GetString());
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        AssertSchemaValid(await report.Content.ReadAsByteArrayAsync(), "job report");
    }

    [Fact]
    public void The_schema_check_catches_a_workbook_Excel_would_repair()
    {
        // Proves the check above can fail: a data validation without its required sqref is invalid.
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var ws = wb.AddNewPart<WorksheetPart>();
            ws.Worksheet = new Worksheet(new SheetData(), new DataValidations(new DataValidation { Type = DataValidationValues.List }) { Count = 1 });
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Listings" }));
        }
        Assert.NotEmpty(SchemaErrors(ms.ToArray()));
    }

    [LibreOfficeFact]
    public async Task Template_opens_in_LibreOffice_and_keeps_its_header_and_every_dropdown()
    {
        Assert.True(LibreOfficeFactAttribute.Soffice is not null, "REPURCH_REQUIRE_LIBREOFFICE=1 but soffice is not installed.");
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var template = await (await client.GetAsync("/v1/listings/bulk-template")).Content.ReadAsByteArrayAsync();
        var dir = Directory.CreateTempSubdirectory("repurch-lo-");
        try
        {
            var input = Path.Combine(dir.FullName, "template.xlsx");
            await File.WriteAllBytesAsync(input, template);
            var output = Path.Combine(dir.FullName, "out");
            // Calc loads the workbook and writes it back out as XLSX: what a partner's "open, edit, save" does.
            var psi = new ProcessStartInfo(LibreOfficeFactAttribute.Soffice!)
            {
                ArgumentList = { "--headless", "--norestore", $"-env:UserInstallation=file://{dir.FullName}/profile", "--convert-to", "xlsx", "--outdir", output, input },
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var soffice = Process.Start(psi)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var stderr = soffice.StandardError.ReadToEndAsync(timeout.Token);
            await soffice.WaitForExitAsync(timeout.Token);
            var resaved = Path.Combine(output, "template.xlsx");
            Assert.True(soffice.ExitCode == 0 && File.Exists(resaved), $"LibreOffice could not open the template: exit {soffice.ExitCode}, {await stderr}");

            var (originalHeader, originalLists) = HeaderAndListValidations(template);
            var (header, lists) = HeaderAndListValidations(await File.ReadAllBytesAsync(resaved));
            Assert.Equal(originalHeader, header);
            Assert.Equal(11, originalLists.Count);
            Assert.Equal(originalLists.Count, lists.Count);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Rows a partner fills: the first, the one after it, and one far down a large file.</summary>
    private static readonly int[] SampleRows = [2, 3, 10_000];

    [Fact]
    public async Task Every_dropdown_offers_its_whole_list_on_row_2_row_3_and_row_10000()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var template = await (await client.GetAsync("/v1/listings/bulk-template")).Content.ReadAsByteArrayAsync();

        var dropdowns = ListDropdowns(template);
        Assert.Equal(DropdownColumns().Select(c => c.Name), dropdowns.Select(d => d.Column));
        foreach (var d in dropdowns)
        {
            // A relative range is read relative to each validated cell: 'Lists'!A1:A8 on C2 is 'Lists'!A2:A9 on C3.
            Assert.Matches(@"^'Lists'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$", d.Formula);
            var expected = BulkColumns.Choices(d.Column, PlatformTaxonomy.Defaults)!;
            foreach (var row in SampleRows)
                Assert.True(expected.SequenceEqual(d.AllowedOn(row)), $"{d.Column} on row {row} allows [{string.Join(", ", d.AllowedOn(row))}], not [{string.Join(", ", expected)}]");
        }
    }

    [LibreOfficeUnoFact]
    public async Task LibreOffice_accepts_every_listed_value_on_row_2_row_3_and_row_10000_and_refuses_the_rest()
    {
        Assert.True(LibreOfficeUnoFactAttribute.Python is not null, "REPURCH_REQUIRE_LIBREOFFICE=1 but LibreOffice or python3-uno is not installed.");
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var template = await (await client.GetAsync("/v1/listings/bulk-template")).Content.ReadAsByteArrayAsync();

        // Each dropdown column gets its list's first value (the one a sliding range loses first) on the
        // sample rows, its last value on the last validated row, and a value from no list on row 4.
        var cells = new Dictionary<string, string>();
        var refused = new List<string>();
        foreach (var (name, letter) in DropdownColumns())
        {
            var values = BulkColumns.Choices(name, PlatformTaxonomy.Defaults)!;
            foreach (var row in SampleRows) cells[$"{letter}{row}"] = values[0];
            cells[$"{letter}{BulkTemplate.ValidatedRows + 1}"] = values[^1];
            cells[$"{letter}4"] = "Not on any list";
            refused.Add($"{letter}4");
        }

        var invalid = await LibreOfficeInvalidCellsAsync(template, cells);

        Assert.Equal(refused.Order(StringComparer.Ordinal), invalid.Order(StringComparer.Ordinal));
    }

    /// <summary>The template's enumerated columns and their letters, in header order.</summary>
    private static List<(string Name, string Letter)> DropdownColumns() =>
        BulkColumns.All.Select((c, i) => (c.Name, Letter: BulkFile.ColumnName(i)))
            .Where(c => BulkColumns.Choices(c.Name, PlatformTaxonomy.Defaults) is { Count: > 0 }).ToList();

    /// <summary>Runs <c>libreoffice_invalid_cells.py</c>: Calc types the values in and names the cells it circles as invalid.</summary>
    private static async Task<List<string>> LibreOfficeInvalidCellsAsync(byte[] xlsx, Dictionary<string, string> cells)
    {
        var dir = Directory.CreateTempSubdirectory("repurch-lo-");
        try
        {
            var workbook = Path.Combine(dir.FullName, "template.xlsx");
            await File.WriteAllBytesAsync(workbook, xlsx);
            var cases = Path.Combine(dir.FullName, "cases.json");
            await File.WriteAllTextAsync(cases, JsonSerializer.Serialize(new { sheet = BulkTemplate.DataSheet, cells }));
            var psi = new ProcessStartInfo(LibreOfficeUnoFactAttribute.Python!)
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Bulk", "libreoffice_invalid_cells.py"), LibreOfficeFactAttribute.Soffice!, Path.Combine(dir.FullName, "profile"), workbook, cases },
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var python = Process.Start(psi)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var stdout = python.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = python.StandardError.ReadToEndAsync(timeout.Token);
            await python.WaitForExitAsync(timeout.Token);
            Assert.True(python.ExitCode == 0, $"LibreOffice could not check the template: exit {python.ExitCode}, {await stderr}");
            using var result = JsonDocument.Parse((await stdout).Trim().Split('\n').Last());
            return result.RootElement.GetProperty("invalid").EnumerateArray().Select(e => e.GetString()!).ToList();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>A list validation on the Listings sheet, with the Lists sheet it reads from.</summary>
    private sealed record ListDropdown(string Column, string Sqref, string Formula, Dictionary<string, string> Lists)
    {
        private static readonly Regex CellRef = new(@"^(\$?)([A-Z]+)(\$?)(\d+)$");

        /// <summary>
        /// The values the dropdown allows on <paramref name="row"/>, as a spreadsheet reads the formula:
        /// relative parts move with the cell's distance from the range's top-left cell, absolute ones ($) stay.
        /// </summary>
        public List<string> AllowedOn(int row)
        {
            var top = int.Parse(CellRef.Match(Sqref.Split(':')[0]).Groups[4].Value);
            var range = Formula[(Formula.IndexOf('!') + 1)..].Split(':').Select(r => CellRef.Match(r)).ToArray();
            int Row(Match m) => int.Parse(m.Groups[4].Value) + (m.Groups[3].Value == "$" ? 0 : row - top);
            var column = range[0].Groups[2].Value;
            var values = new List<string>();
            for (var r = Row(range[0]); r <= Row(range[1]); r++)
                if (Lists.TryGetValue($"{column}{r}", out var v) && v.Length > 0) values.Add(v);
            return values;
        }
    }

    /// <summary>The Listings sheet's list validations, named by the header of the column they cover.</summary>
    private static List<ListDropdown> ListDropdowns(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var wb = doc.WorkbookPart!;
        var strings = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text)] : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        Worksheet Sheet(string name) => ((WorksheetPart)wb.GetPartById(wb.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == name).Id!)).Worksheet;

        var lists = Sheet(BulkTemplate.ListsSheet).Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, Text);
        var listings = Sheet(BulkTemplate.DataSheet);
        var header = listings.Descendants<Row>().First().Elements<Cell>().ToDictionary(c => Regex.Replace(c.CellReference!.Value!, @"\d", ""), Text);
        return listings.Descendants<DataValidation>()
            .Where(v => v.Type?.Value == DataValidationValues.List)
            .Select(v => (Sqref: v.SequenceOfReferences?.InnerText ?? "", Formula: v.Formula1?.Text ?? ""))
            .Select(v => new ListDropdown(header[Regex.Replace(v.Sqref.Split(':')[0], @"\d", "")], v.Sqref, v.Formula, lists))
            .ToList();
    }

    private static void AssertSchemaValid(byte[] xlsx, string what)
    {
        var errors = SchemaErrors(xlsx);
        Assert.True(errors.Count == 0, $"{what}: " + string.Join("\n", errors));
    }

    private static List<string> SchemaErrors(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return new OpenXmlValidator(FileFormatVersions.Office2016).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>The Listings sheet's header cells and its list validations (one per enumerated column).</summary>
    private static (string[] Header, List<string> Lists) HeaderAndListValidations(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var wb = doc.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == "Listings");
        var part = (WorksheetPart)wb.GetPartById(sheet.Id!);
        var strings = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text)] : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        var header = part.Worksheet.Descendants<Row>().First().Elements<Cell>().Select(Text).ToArray();
        var lists = part.Worksheet.Descendants<DataValidation>()
            .Where(v => v.Type?.Value == DataValidationValues.List)
            .Select(v => $"{v.SequenceOfReferences?.InnerText}").ToList();
        // LibreOffice may write extended (x14) validations instead; count those too.
        lists.AddRange(part.Worksheet.Descendants<DocumentFormat.OpenXml.Office2010.Excel.DataValidation>()
            .Where(v => v.Type?.Value == DataValidationValues.List)
            .Select(v => v.ReferenceSequence?.InnerText ?? ""));
        return (header, lists);
    }
}

/// <summary>Runs where LibreOffice is installed; skipped elsewhere unless REPURCH_REQUIRE_LIBREOFFICE=1, which makes it run (and fail).</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public static readonly string? Soffice = new[] { "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);

    public LibreOfficeFactAttribute()
    {
        if (Soffice is null && Environment.GetEnvironmentVariable("REPURCH_REQUIRE_LIBREOFFICE") != "1")
            Skip = "LibreOffice is not installed (apt-get install libreoffice-calc-nogui); .ci/run installs it.";
    }
}
