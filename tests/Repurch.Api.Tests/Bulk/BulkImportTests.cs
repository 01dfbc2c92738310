using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Bulk;

public sealed class BulkImportTests : ApiTest
{
    private static readonly string[] ExpectedColumns =
    [
        "title", "price_gbp", "category", "condition", "brand", "colour", "fabric", "age_years", "item_type", "description",
        "sale_price_gbp", "rrp_gbp", "delivery_contribution_gbp", "quantity_identical", "available_from", "exposed_to", "faults",
        "status", "sku", "warehouse_location", "images",
    ];

    [Fact]
    public async Task Template_is_an_xlsx_with_the_header_in_order_dropdowns_on_every_enumerated_column_and_instructions()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        // The brand's own taxonomy feeds the dropdowns; a long list goes through the Lists sheet.
        var categories = Enumerable.Range(1, 60).Select(i => $"Custom category number {i}").ToArray();
        var patch = await client.PatchJsonAsync("/v1/partner/settings/taxonomy", JsonSerializer.Serialize(new { categories }));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        var response = await client.GetAsync("/v1/listings/bulk-template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("repurch-clearance-import-template.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        var sheets = wb.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Listings", "Instructions", "Lists"], sheets.Select(s => s.Name!.Value!));
        Assert.Equal(SheetStateValues.Hidden, sheets[2].State!.Value);
        var strings = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text)] : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";

        var listings = (WorksheetPart)wb.GetPartById(sheets[0].Id!);
        var header = listings.Worksheet.Descendants<Row>().First().Elements<Cell>().Select(Text).ToArray();
        Assert.Equal(ExpectedColumns, header);
        Assert.Equal(["title", "price_gbp", "category", "condition", "brand", "colour", "fabric", "age_years"], header[..8]);

        var validations = listings.Worksheet.Descendants<DataValidation>().ToList();
        var lists = (WorksheetPart)wb.GetPartById(sheets[2].Id!);
        var listCells = lists.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, Text);
        var enumerated = new Dictionary<string, string[]>
        {
            ["category"] = categories,
            ["condition"] = ["like-new", "excellent", "gently-used", "fair"],
            ["brand"] = ["DFS", "IKEA"], ["colour"] = ["Grey"], ["fabric"] = ["Velvet"], ["age_years"] = ["1 year old"],
            ["item_type"] = ["Corner Sofa"], ["delivery_contribution_gbp"] = ["0", "30", "60", "129"],
            ["exposed_to"] = ["Dogs", "None"], ["faults"] = ["Rips or tears", "Fire Label", "None"], ["status"] = ["active", "draft"],
        };
        foreach (var (column, expected) in enumerated)
        {
            var letter = ((char)('A' + Array.IndexOf(ExpectedColumns, column))).ToString();
            var v = validations.SingleOrDefault(d => d.SequenceOfReferences?.InnerText?.StartsWith($"{letter}2:", StringComparison.Ordinal) == true);
            Assert.True(v is not null, $"no data validation on {column} ({letter})");
            Assert.Equal(DataValidationValues.List, v!.Type!.Value);
            // The formula references a range on the Lists sheet; its cells hold the brand's values.
            var formula = v.Formula1!.Text;
            var range = formula[(formula.IndexOf('!') + 1)..].Replace("$", "");
            var parts = range.Split(':');
            var col = new string(parts[0].TakeWhile(char.IsLetter).ToArray());
            var from = int.Parse(parts[0][col.Length..]);
            var to = int.Parse(parts[1][col.Length..]);
            var values = Enumerable.Range(from, to - from + 1).Select(r => listCells.GetValueOrDefault($"{col}{r}")).ToList();
            Assert.Contains("Lists", formula);
            foreach (var e in expected) Assert.Contains(e, values);
            if (column == "category") Assert.Equal(categories, values);
        }
        // Free-text columns have no dropdown.
        foreach (var column in new[] { "title", "price_gbp", "description", "sku" })
        {
            var letter = ((char)('A' + Array.IndexOf(ExpectedColumns, column))).ToString();
            Assert.DoesNotContain(validations, d => d.SequenceOfReferences?.InnerText?.StartsWith($"{letter}2:", StringComparison.Ordinal) == true);
        }
        var instructions = (WorksheetPart)wb.GetPartById(sheets[1].Id!);
        var helpText = string.Join("\n", instructions.Worksheet.Descendants<Cell>().Select(Text));
        Assert.Contains("row 2", helpText);
        foreach (var c in ExpectedColumns) Assert.Contains(c, helpText);

        // The template itself, filled in, validates.
        var filled = await BulkFiles.XlsxAsync(ExpectedColumns[..4], [["Sofa", 100m, categories[0], "fair"]]);
        var check = await (await client.PostJsonAsync("/v1/listings/bulk-validate", BulkFiles.B64Body(filled))).OkAsync();
        Assert.Equal(0, check.GetProperty("error_count").GetInt32());
    }

    [Fact]
    public async Task Template_needs_a_partner_admin_key()
    {
        var brand = await NewBrandAsync();
        using var anonymous = Api.ClientWith(null);
        await (await anonymous.GetAsync("/v1/listings/bulk-template")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        using var member = Api.ClientWith(brand.MemberKey);
        await (await member.GetAsync("/v1/listings/bulk-template")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        using var bad = Api.ClientWith("re_pk_live_nope");
        await (await bad.GetAsync("/v1/listings/bulk-template")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Validate_gives_a_verdict_per_row_numbered_from_the_header_and_writes_nothing()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var csv = BulkFiles.Csv(BulkFiles.ValidRow(1), "Tan armchair,,,fair,,,,,", "", BulkFiles.ValidRow(3));
        var body = await (await client.PostJsonAsync("/v1/listings/bulk-validate", BulkFiles.CsvBody(csv))).OkAsync();
        Assert.Equal(3, body.GetProperty("row_count").GetInt32());
        Assert.Equal(1, body.GetProperty("error_count").GetInt32());
        Assert.Equal(200, body.GetProperty("max_rows").GetInt32());
        Assert.Equal(BulkFiles.Header.Split(','), body.GetProperty("headers").EnumerateArray().Select(h => h.GetString()));
        var rows = body.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([2, 3, 5], rows.Select(r => r.GetProperty("row").GetInt32()));
        Assert.Equal("ok", rows[0].GetProperty("status").GetString());
        Assert.Empty(rows[0].GetProperty("errors").EnumerateArray());
        Assert.Equal("Tan armchair", rows[1].GetProperty("title").GetString());
        Assert.Equal("error", rows[1].GetProperty("status").GetString());
        Assert.Equal(["price_gbp_required", "category_required"], rows[1].GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task Validate_applies_the_same_rules_as_create_listing()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var csv = "title,price_gbp,category,condition,faults,exposed_to,delivery_contribution_gbp,available_from,colour,notes\r\n" +
                  ",12.345,Beds,mint,Broken,\"Dogs, None\",45,15/06/2026,grey,hello\r\n" +
                  "Good sofa,599,Armchairs,excellent,\"Rips or tears, Fire Label\",\"Dogs, Cats\",60,2026-06-15,Grey,\r\n";
        var rows = (await (await client.PostJsonAsync("/v1/listings/bulk-validate", BulkFiles.CsvBody(csv))).OkAsync()).GetProperty("rows").EnumerateArray().ToList();
        var errors = rows[0].GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal("(missing title)", rows[0].GetProperty("title").GetString());
        foreach (var code in new[] { "notes_unknown", "title_required", "price_gbp_invalid", "delivery_contribution_invalid", "condition_invalid", "category_invalid", "colour_invalid", "available_from_invalid", "exposed_to_invalid", "faults_invalid" })
            Assert.Contains(code, errors);
        Assert.Equal("ok", rows[1].GetProperty("status").GetString());

        // The very same body as JSON to POST /v1/listings fails with the same codes.
        var create = await client.PostJsonAsync("/v1/listings", """{"channel":"clearance","price_gbp":"12.345","category":"Beds","condition":"mint","faults":["Broken"],"exposed_to":["Dogs","None"],"delivery_contribution_gbp":45,"available_from":"15/06/2026","colour":"grey","notes":"hello"}""");
        var createErrors = (await create.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes();
        Assert.Equal(createErrors.Order(), errors.Order());
    }

    [Fact]
    public async Task Commit_creates_valid_rows_as_clearance_listings_of_the_caller_and_reports_the_rest()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var xlsx = await BulkFiles.XlsxAsync(BulkFiles.XlsxHeader,
        [
            BulkFiles.XlsxRow(1, "SKU-1"),
            ["Tan armchair", null, null, "fair", null, null, null, null, null],
            // Spreadsheet floats: 899.99 must come back as 899.99.
            ["Float price sofa", 899.99d, "Armchairs", "excellent", "IKEA", null, null, null, null],
        ]);
        var body = await (await client.PostJsonAsync("/v1/listings/bulk-commit", BulkFiles.B64Body(xlsx))).OkAsync();
        Assert.Equal(3, body.GetProperty("row_count").GetInt32());
        Assert.Equal(2, body.GetProperty("success_count").GetInt32());
        Assert.Equal(1, body.GetProperty("error_count").GetInt32());
        var rows = body.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal("success", rows[0].GetProperty("status").GetString());
        var id = rows[0].GetProperty("product_id").GetInt64();
        Assert.Contains($"-{id}", rows[0].GetProperty("url").GetString());
        Assert.Equal("error", rows[1].GetProperty("status").GetString());
        Assert.Equal("price_gbp_required · category_required", rows[1].GetProperty("message").GetString());
        Assert.False(rows[1].TryGetProperty("product_id", out _));

        var listing = await (await client.GetAsync($"/v1/listings/{id}")).OkAsync();
        Assert.Equal("clearance", listing.GetProperty("channel").GetString());
        Assert.Equal(brand.Id, listing.GetProperty("brand_id").GetString());
        Assert.Equal("SKU-1", listing.GetProperty("sku").GetString());
        var floatId = rows[2].GetProperty("product_id").GetInt64();
        Assert.Equal(899.99m, (await (await client.GetAsync($"/v1/listings/{floatId}")).OkAsync()).GetProperty("price").GetDecimal());
        Assert.Equal(2, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task Committing_the_same_file_twice_with_one_idempotency_key_creates_once()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var body = BulkFiles.CsvBody(BulkFiles.Csv(BulkFiles.ValidRow(1), BulkFiles.ValidRow(2)));
        async Task<HttpResponseMessage> Send()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/listings/bulk-commit") { Content = HttpExtensions.JsonContent(body) };
            request.Headers.Add("Idempotency-Key", "bulk-commit-once");
            return await client.SendAsync(request);
        }
        var first = await (await Send()).OkAsync();
        var again = await Send();
        var second = await again.OkAsync();
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.ToString(), second.ToString());
        Assert.Equal(2, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task More_than_200_rows_is_refused_with_a_pointer_to_jobs()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var csv = BulkFiles.Csv(Enumerable.Range(1, 201).Select(i => BulkFiles.ValidRow(i)).ToArray());
        var error = await (await client.PostJsonAsync("/v1/listings/bulk-commit", BulkFiles.CsvBody(csv))).AssertErrorAsync(HttpStatusCode.BadRequest, "too_many_rows");
        Assert.Contains("bulk-jobs", error.GetProperty("message").GetString());
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
        var ok = await (await client.PostJsonAsync("/v1/listings/bulk-validate", BulkFiles.CsvBody(BulkFiles.Csv(Enumerable.Range(1, 200).Select(i => BulkFiles.ValidRow(i)).ToArray())))).OkAsync();
        Assert.Equal(200, ok.GetProperty("row_count").GetInt32());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"file_b64":""}""")]
    [InlineData("""{"file_b64":"not base64!!"}""")]
    [InlineData("""{"file_b64":"YQ==","csv_text":"a"}""")]
    [InlineData("""{"file_b64":42}""")]
    [InlineData("""{"upload":"x"}""")]
    [InlineData("""{"csv_text":"\n\n"}""")]
    [InlineData("""{"csv_text":"foo,bar\n1,2\n"}""")]
    [InlineData("""{"csv_text":"title,title\nA,B\n"}""")]
    [InlineData("""{"csv_text":"a","csv_text":"b"}""")]
    public async Task Unreadable_uploads_are_bad_file(string json)
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        foreach (var path in new[] { "/v1/listings/bulk-validate", "/v1/listings/bulk-commit" })
            await (await client.PostJsonAsync(path, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "bad_file");
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task Bad_bodies_and_credentials_are_refused()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        await (await client.PostJsonAsync("/v1/listings/bulk-validate", "{not json")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await client.PostJsonAsync("/v1/listings/bulk-validate", "[1]")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        await (await client.PostAsync("/v1/listings/bulk-validate", new StringContent("a,b", Encoding.UTF8, "text/csv"))).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        var huge = "{\"csv_text\":\"" + new string('a', 16 * 1024 * 1024) + "\"}";
        var tooLarge = await client.PostJsonAsync("/v1/listings/bulk-validate", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        using var readOnly = Api.ClientWith(brand.ReadOnlyKey);
        await (await readOnly.PostJsonAsync("/v1/listings/bulk-commit", BulkFiles.CsvBody(BulkFiles.Csv(BulkFiles.ValidRow(1))))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        using var anonymous = Api.ClientWith(null);
        await (await anonymous.PostJsonAsync("/v1/listings/bulk-commit", BulkFiles.CsvBody(BulkFiles.Csv(BulkFiles.ValidRow(1))))).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task Sandbox_commits_land_on_the_sandbox_plane_only()
    {
        var brand = await NewBrandAsync();
        using var sandbox = Api.ClientWith(brand.SandboxAdminKey);
        await (await sandbox.PostJsonAsync("/v1/listings/bulk-commit", BulkFiles.CsvBody(BulkFiles.Csv(BulkFiles.ValidRow(1))))).OkAsync();
        Assert.Equal(1, await brand.CountListingsAsync(Api.Planes, Plane.Sandbox));
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
    }
}
