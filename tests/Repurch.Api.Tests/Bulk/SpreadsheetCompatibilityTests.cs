using System.Diagnostics;
using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
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
