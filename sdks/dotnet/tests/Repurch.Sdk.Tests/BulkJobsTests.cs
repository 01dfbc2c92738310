using System.Net;

namespace Repurch.Sdk.Tests;

/// <summary>BulkJobs: the raw upload through the pipeline, polling with progress, the report download.</summary>
public sealed class BulkJobsTests
{
    private const string Id = "5a0f4d8e-1b9c-4c3e-9d6a-2f1e0c7b8a91";

    private static string Job(string status, int done) =>
        $$$"""{"id":"{{{Id}}}","status":"{{{status}}}","rows_done":{{{done}}},"total_rows":3,"created_count":2,"updated_count":0,"error_count":1,"reports":{"csv":"/v1/listings/bulk-jobs/{{{Id}}}/report.csv","xlsx":"/v1/listings/bulk-jobs/{{{Id}}}/report.xlsx"}}""";

    [Fact]
    public async Task It_uploads_the_raw_file_polls_with_progress_and_downloads_the_report()
    {
        var fake = new FakeTransport()
            .Answer(HttpStatusCode.Accepted, Job("queued", 0))
            .Answer(HttpStatusCode.OK, Job("running", 1))
            .Answer(HttpStatusCode.OK, Job("completed", 3))
            .Answer(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("title,import_result\r\n"u8.ToArray()) });
        using var repurch = Fakes.Client(fake);

        using var file = new MemoryStream("title,price_gbp\r\nSofa,10\r\n"u8.ToArray());
        var started = await repurch.BulkJobs.StartAsync(file, filename: "stock.csv");
        var seen = new List<string>();
        var job = await repurch.BulkJobs.WaitAsync(started.Id!.Value, new ProgressCallback<Generated.Models.BulkJobView>(j => seen.Add($"{j.Status} {j.RowsDone}")), TimeSpan.Zero);
        var report = await repurch.BulkJobs.ReportAsync(job, "csv", errorsOnly: true);

        var upload = fake.Requests[0];
        Assert.Equal(HttpMethod.Post, upload.Method);
        Assert.Equal("/v1/listings/bulk-jobs", upload.Uri.AbsolutePath);
        Assert.Contains("filename=stock.csv", upload.Uri.Query);
        Assert.Equal("application/octet-stream", upload.Headers["Content-Type"]);
        Assert.Equal("title,price_gbp\r\nSofa,10\r\n", upload.Body);
        Assert.True(upload.Headers.ContainsKey("Idempotency-Key"));
        Assert.Equal(["running 1", "completed 3"], seen);
        Assert.Equal($"/v1/listings/bulk-jobs/{Id}/report.csv", fake.Requests[3].Uri.AbsolutePath);
        Assert.Equal("?rows=errors", fake.Requests[3].Uri.Query);
        Assert.Equal("title,import_result\r\n"u8.ToArray(), report);
    }
}
