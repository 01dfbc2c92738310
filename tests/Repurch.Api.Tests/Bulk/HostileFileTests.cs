using System.IO.Compression;
using System.Net;
using System.Text;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Bulk;

/// <summary>Files built to hurt: each ends in a clear error and writes nothing.</summary>
public sealed class HostileFileTests : ApiTest
{
    private static async Task<byte[]> ValidXlsxAsync() =>
        await BulkFiles.XlsxAsync(BulkFiles.XlsxHeader, [BulkFiles.XlsxRow(1)]);

    /// <summary>Rewrites a workbook: <paramref name="change"/> may add or replace entries.</summary>
    private static byte[] Rewrite(byte[] xlsx, Action<ZipArchive> change)
    {
        using var ms = new MemoryStream();
        ms.Write(xlsx);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true)) change(zip);
        return ms.ToArray();
    }

    private static void Put(ZipArchive zip, string name, string content)
    {
        zip.GetEntry(name)?.Delete();
        using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        w.Write(content);
    }

    private async Task AssertBadFileAsync(byte[] file, string messagePart)
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        foreach (var path in new[] { "/v1/listings/bulk-validate", "/v1/listings/bulk-commit" })
        {
            var error = await (await client.PostJsonAsync(path, BulkFiles.B64Body(file))).AssertErrorAsync(HttpStatusCode.BadRequest, "bad_file");
            Assert.Contains(messagePart, error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        }
        // The background path refuses it the same way, as a failed job.
        var job = await BulkFiles.WaitAsync(client, (await BulkFiles.StartJobAsync(client, BulkFiles.Raw(file, "application/octet-stream"))).GetProperty("id").GetString()!);
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("bad_file", job.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_without_being_expanded()
    {
        var bomb = Rewrite(await ValidXlsxAsync(), zip =>
        {
            zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
            using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < 200; i++) s.Write(block); // 200 MB of spaces in a few hundred KB
        });
        Assert.True(bomb.Length < 2 * 1024 * 1024);
        await AssertBadFileAsync(bomb, "zip bomb");
    }

    [Fact]
    public async Task Macro_enabled_workbooks_are_refused()
    {
        var xlsm = Rewrite(await ValidXlsxAsync(), zip =>
        {
            using (var s = zip.CreateEntry("xl/vbaProject.bin").Open()) s.Write([0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3]);
        });
        await AssertBadFileAsync(xlsm, "macro");
        var contentType = Rewrite(await ValidXlsxAsync(), zip =>
        {
            string types;
            using (var reader = new StreamReader(zip.GetEntry("[Content_Types].xml")!.Open())) types = reader.ReadToEnd();
            Put(zip, "[Content_Types].xml", types.Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
        });
        await AssertBadFileAsync(contentType, "macro");
    }

    [Fact]
    public async Task Workbooks_with_external_links_are_refused()
    {
        var linked = Rewrite(await ValidXlsxAsync(), zip => Put(zip, "xl/externalLinks/externalLink1.xml",
            """<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook/></externalLink>"""));
        await AssertBadFileAsync(linked, "external links");
    }

    [Fact]
    public async Task Billion_laughs_xml_is_refused_because_dtds_are_prohibited()
    {
        var laughs = new StringBuilder("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">""");
        for (var i = 1; i < 10; i++) laughs.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString())};", 10))}\">");
        laughs.Append("""]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>""");
        var bomb = Rewrite(await ValidXlsxAsync(), zip => Put(zip, "xl/sharedStrings.xml", laughs.ToString()));
        await AssertBadFileAsync(bomb, "DTD");
    }

    [Fact]
    public async Task Ten_megabytes_of_garbage_is_a_clear_bad_file()
    {
        var garbage = new byte[10 * 1024 * 1024];
        new Random(42).NextBytes(garbage);
        await AssertBadFileAsync(garbage, "binary");
        var zipGarbage = (byte[])garbage.Clone();
        "PK\u0003\u0004"u8.CopyTo(zipGarbage);
        await AssertBadFileAsync(zipGarbage[..(1024 * 1024)], "cannot be read");
        await AssertBadFileAsync([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], ".xls");
    }

    [Fact]
    public async Task Text_encodings_are_decoded_utf8_with_and_without_bom_utf16_and_windows_1252()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        const string csv = "title,price_gbp,category,condition,fabric\r\nCanapé bouclé £ “quoted”,499,Armchairs,fair,Bouclé\r\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var files = new Dictionary<string, byte[]>
        {
            ["utf8"] = Encoding.UTF8.GetBytes(csv),
            ["utf8-bom"] = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)],
            ["utf16"] = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(csv.Replace(',', '\t'))],
            ["windows-1252"] = Encoding.GetEncoding(1252).GetBytes(csv),
        };
        foreach (var (name, bytes) in files)
        {
            var body = await (await client.PostJsonAsync("/v1/listings/bulk-commit", BulkFiles.B64Body(bytes))).OkAsync();
            Assert.True(body.GetProperty("success_count").GetInt32() == 1, $"{name}: {body}");
            var row = body.GetProperty("rows")[0];
            Assert.Equal("Canapé bouclé £ “quoted”", row.GetProperty("title").GetString());
        }
        // A UTF-8 byte order mark followed by bytes that are not UTF-8 is refused, not guessed.
        var lying = (byte[])[0xEF, 0xBB, 0xBF, .. Encoding.GetEncoding(1252).GetBytes(csv)];
        var error = await (await client.PostJsonAsync("/v1/listings/bulk-validate", BulkFiles.B64Body(lying))).AssertErrorAsync(HttpStatusCode.BadRequest, "bad_file");
        Assert.Contains("UTF-8", error.GetProperty("message").GetString());
        Assert.Equal(4, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task Control_characters_and_oversized_cells_fail_their_row_only()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var csv = BulkFiles.Csv(BulkFiles.ValidRow(1), $"Bad\u0001title,100,Armchairs,fair,,,,,", $"{new string('x', 300)},100,Armchairs,fair,,,,,", "=HYPERLINK(\"http://x\"),100,Armchairs,fair,,,,,");
        var body = await (await client.PostJsonAsync("/v1/listings/bulk-commit", BulkFiles.CsvBody(csv))).OkAsync();
        var rows = body.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal("success", rows[0].GetProperty("status").GetString());
        Assert.Equal("title_invalid", rows[1].GetProperty("message").GetString());
        Assert.Equal("title_too_long", rows[2].GetProperty("message").GetString());
        // A formula-looking title is just text on the marketplace; it is neutralised only in spreadsheets we send back.
        Assert.Equal("success", rows[3].GetProperty("status").GetString());
        Assert.Equal(2, await brand.CountListingsAsync(Api.Planes));
    }
}
