using System.Diagnostics;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Repurch.Api.Tests.Bulk;

public sealed class BulkJobTests(ITestOutputHelper output) : ApiTest
{
    [Fact]
    public async Task A_job_answers_202_at_once_reports_progress_and_its_reports_carry_the_partners_rows_with_an_error_column()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var xlsx = await BulkFiles.XlsxAsync([.. BulkFiles.XlsxHeader, "description"],
        [
            [.. BulkFiles.XlsxRow(1, "J-1"), "=HYPERLINK(\"http://evil\",\"x\")"],
            ["Broken row", null, "Corner Sofas", "fair", null, null, null, null, null, "@SUM(1+1)"],
            [.. BulkFiles.XlsxRow(3), "+cmd"],
        ]);
        var started = await BulkFiles.StartJobAsync(client, BulkFiles.Multipart(xlsx, "stock.xlsx"));
        var id = started.GetProperty("id").GetString()!;
        Assert.Equal("queued", started.GetProperty("status").GetString());
        Assert.Equal("xlsx", started.GetProperty("format").GetString());
        Assert.Equal("stock.xlsx", started.GetProperty("filename").GetString());

        var job = await BulkFiles.WaitAsync(client, id);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(3, job.GetProperty("total_rows").GetInt32());
        Assert.Equal(3, job.GetProperty("rows_done").GetInt32());
        Assert.Equal(1.0, job.GetProperty("progress").GetDouble());
        Assert.Equal(2, job.GetProperty("created_count").GetInt32());
        Assert.Equal(1, job.GetProperty("error_count").GetInt32());
        Assert.Equal(2, await brand.CountListingsAsync(Api.Planes));

        var csv = await client.GetAsync(job.GetProperty("reports").GetProperty("csv").GetString());
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("title,price_gbp,category,condition,brand,colour,fabric,age_years,sku,description,import_result,import_errors,listing_id", lines[0]);
        Assert.StartsWith("Grey velvet sofa 1,", lines[1]);
        Assert.Contains("created", lines[1]);
        // Formula injection: every such cell goes back neutralised.
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"", lines[1]);
        Assert.Contains("'@SUM(1+1),error,price_gbp_required,", lines[2]);
        Assert.Contains("'+cmd", lines[3]);

        var errorsOnly = await (await client.GetAsync($"/v1/listings/bulk-jobs/{id}/report.csv?rows=errors")).Content.ReadAsStringAsync();
        Assert.Equal(2, errorsOnly.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var xlsxReport = await client.GetAsync($"/v1/listings/bulk-jobs/{id}/report.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsxReport.StatusCode);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await xlsxReport.Content.ReadAsByteArrayAsync()), false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
        Assert.Equal("import_errors", rows[0][^2]);
        Assert.Equal("price_gbp_required", rows[2][^2]);
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"x\")", rows[1][9]);
        Assert.Equal("600", rows[1][1]); // numbers stay numbers

        // A corrected report uploaded again: the added columns are ignored, skus update in place.
        var again = await BulkFiles.StartJobAsync(client, BulkFiles.Raw(Encoding.UTF8.GetBytes(text.Replace("Broken row,,", "Fixed row,100,")), "text/csv"));
        var second = await BulkFiles.WaitAsync(client, again.GetProperty("id").GetString()!);
        Assert.Equal("completed", second.GetProperty("status").GetString());
        Assert.Equal(1, second.GetProperty("updated_count").GetInt32());
    }

    [Fact]
    public async Task Rows_with_a_known_sku_update_the_listing_instead_of_duplicating_it()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var first = BulkFiles.Csv(BulkFiles.ValidRow(1, "SKU-A"), BulkFiles.ValidRow(2, "SKU-B"), BulkFiles.ValidRow(3));
        var job1 = await BulkFiles.WaitAsync(client, (await BulkFiles.StartJobAsync(client, BulkFiles.Raw(BulkFiles.Utf8(first)))).GetProperty("id").GetString()!);
        Assert.Equal(3, job1.GetProperty("created_count").GetInt32());

        var second = BulkFiles.Csv("Renamed sofa,777,Armchairs,fair,IKEA,Grey,Velvet,1 year old,SKU-A", BulkFiles.ValidRow(3));
        var job2 = await BulkFiles.WaitAsync(client, (await BulkFiles.StartJobAsync(client, BulkFiles.Raw(BulkFiles.Utf8(second)))).GetProperty("id").GetString()!);
        Assert.Equal(1, job2.GetProperty("updated_count").GetInt32());
        Assert.Equal(1, job2.GetProperty("created_count").GetInt32()); // no sku: a new listing
        Assert.Equal(4, await brand.CountListingsAsync(Api.Planes));
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        var a = await db.Listings.SingleAsync(l => l.Sku == "SKU-A");
        Assert.Equal("Renamed sofa", a.Title);
        Assert.Equal(777m, a.RegularPrice);
        Assert.Equal("clearance", a.Channel);
    }

    [Fact]
    public async Task Validate_mode_writes_nothing_and_the_same_idempotency_key_returns_the_same_job()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var file = BulkFiles.Utf8(BulkFiles.Csv(BulkFiles.ValidRow(1), "x,,,,,,,,"));
        async Task<HttpResponseMessage> Send(byte[] body, string query = "?mode=validate")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/listings/bulk-jobs{query}") { Content = BulkFiles.Raw(body) };
            request.Headers.Add("Idempotency-Key", "job-key-1");
            return await client.SendAsync(request);
        }
        var first = await Send(file);
        var firstBody = await first.JsonAsync();
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal($"/v1/listings/bulk-jobs/{firstBody.GetProperty("id").GetString()}", first.Headers.Location?.OriginalString);
        var replay = await Send(file);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(firstBody.GetProperty("id").GetString(), (await replay.JsonAsync()).GetProperty("id").GetString());
        await (await Send(BulkFiles.Utf8(BulkFiles.Csv(BulkFiles.ValidRow(9))))).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_mismatch");

        var job = await BulkFiles.WaitAsync(client, firstBody.GetProperty("id").GetString()!);
        Assert.Equal("validate", job.GetProperty("mode").GetString());
        Assert.Equal(1, job.GetProperty("success_count").GetInt32());
        Assert.Equal(1, job.GetProperty("error_count").GetInt32());
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(1, await db.BulkJobs.CountAsync());
    }

    [Fact]
    public async Task Bad_uploads_and_other_brands_are_refused()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        await (await client.PostAsync("/v1/listings/bulk-jobs", BulkFiles.Raw([]))).AssertErrorAsync(HttpStatusCode.BadRequest, "bad_file");
        await (await client.PostAsync("/v1/listings/bulk-jobs", HttpExtensions.JsonContent("{}"))).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        await (await client.PostAsync("/v1/listings/bulk-jobs", form)).AssertErrorAsync(HttpStatusCode.BadRequest, "bad_file");
        await (await client.PostAsync("/v1/listings/bulk-jobs?mode=dry", BulkFiles.Raw(BulkFiles.Utf8("a")))).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        using var readOnly = Api.ClientWith(brand.ReadOnlyKey);
        await (await readOnly.PostAsync("/v1/listings/bulk-jobs", BulkFiles.Raw(BulkFiles.Utf8("a")))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");

        var started = await BulkFiles.StartJobAsync(client, BulkFiles.Raw(BulkFiles.Utf8(BulkFiles.Csv(BulkFiles.ValidRow(1)))));
        var id = started.GetProperty("id").GetString()!;
        using var otherClient = Api.ClientWith(other.AdminKey);
        await (await otherClient.GetAsync($"/v1/listings/bulk-jobs/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "bulk_job_not_found");
        await (await otherClient.GetAsync($"/v1/listings/bulk-jobs/{id}/report.csv")).AssertErrorAsync(HttpStatusCode.NotFound, "bulk_job_not_found");
        await (await client.GetAsync("/v1/listings/bulk-jobs/not-a-guid")).AssertErrorAsync(HttpStatusCode.NotFound, "bulk_job_not_found");
        await (await client.GetAsync($"/v1/listings/bulk-jobs/{id}/report.csv?rows=some")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        await BulkFiles.WaitAsync(client, id);
        Assert.Equal(0, await other.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task A_file_level_problem_fails_the_job_with_bad_file_and_writes_nothing()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var garbage = new byte[1024 * 1024];
        new Random(7).NextBytes(garbage);
        var id = (await BulkFiles.StartJobAsync(client, BulkFiles.Raw(garbage, "application/octet-stream"))).GetProperty("id").GetString()!;
        var job = await BulkFiles.WaitAsync(client, id);
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("bad_file", job.GetProperty("error").GetProperty("code").GetString());
        await (await client.GetAsync($"/v1/listings/bulk-jobs/{id}/report.csv")).AssertErrorAsync(HttpStatusCode.Conflict, "bulk_job_failed");
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task A_100000_row_file_is_imported_in_the_background()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var csv = new StringBuilder(BulkFiles.Header).Append("\r\n");
        for (var i = 0; i < 100_000; i++)
        {
            // Every 1000th row is invalid (no category).
            csv.Append(i % 1000 == 999 ? $"Row {i},100,,fair,,,,," : BulkFiles.ValidRow(i, $"BIG-{i}")).Append("\r\n");
        }
        var bytes = BulkFiles.Utf8(csv.ToString());
        var watch = Stopwatch.StartNew();
        var started = await BulkFiles.StartJobAsync(client, BulkFiles.Multipart(bytes, "big.csv"));
        var accepted = watch.Elapsed;
        Assert.True(accepted < TimeSpan.FromSeconds(15), $"202 took {accepted}");
        var id = started.GetProperty("id").GetString()!;

        var sawProgress = false;
        while (true)
        {
            var poll = await (await client.GetAsync($"/v1/listings/bulk-jobs/{id}")).OkAsync();
            var done = poll.GetProperty("rows_done").GetInt32();
            if (poll.GetProperty("status").GetString() == "processing" && done > 0 && done < 100_000) sawProgress = true;
            if (poll.GetProperty("status").GetString() is "completed" or "failed") break;
            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(4), $"not done: {poll}");
            await Task.Delay(250);
        }
        output.WriteLine($"100,000 rows: accepted in {accepted.TotalSeconds:F1}s, finished in {watch.Elapsed.TotalSeconds:F1}s");
        var job = await (await client.GetAsync($"/v1/listings/bulk-jobs/{id}")).OkAsync();
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.True(sawProgress, "progress was never seen between 0 and the total");
        Assert.Equal(100_000, job.GetProperty("total_rows").GetInt32());
        Assert.Equal(100, job.GetProperty("error_count").GetInt32());
        Assert.Equal(99_900, job.GetProperty("created_count").GetInt32());
        Assert.Equal(99_900, await brand.CountListingsAsync(Api.Planes));
        var report = await client.GetAsync($"/v1/listings/bulk-jobs/{id}/report.csv?rows=errors");
        Assert.Equal(101, (await report.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
