using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Repurch.Sdk.Generated.Models;
using Repurch.Sdk.Generated.V1.Listings.BulkJobs;
using ReportRows = Repurch.Sdk.Generated.V1.Listings.BulkJobs.Item.ReportCsv.GetRowsQueryParameterType;
using XlsxRows = Repurch.Sdk.Generated.V1.Listings.BulkJobs.Item.ReportXlsx.GetRowsQueryParameterType;

namespace Repurch.Sdk;

/// <summary>Background imports: upload a CSV or XLSX, follow its progress, download its report.</summary>
public sealed class BulkJobs(RepurchClient client)
{
    /// <summary>
    /// Uploads the file as the raw body (<c>POST /v1/listings/bulk-jobs</c>) and answers at once with the
    /// queued job. The document gives that operation no request body (the API reads the raw bytes), so the
    /// body is set here on Kiota's request, which then goes through the same pipeline as every other call.
    /// </summary>
    /// <param name="idempotencyKey">Reuse to make a repeated upload return the same job (one is generated otherwise).</param>
    public async Task<BulkJobView> StartAsync(Stream file, string? filename = null, PostModeQueryParameterType? mode = null,
        string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var request = client.Api.V1.Listings.BulkJobs.ToPostRequestInformation(r =>
        {
            r.QueryParameters.Filename = filename;
            r.QueryParameters.Mode = mode;
            if (idempotencyKey is not null) r.Headers.Add(IdempotencyHandler.Header, idempotencyKey);
        });
        request.SetStreamContent(file, "application/octet-stream");
        var job = await client.Adapter.SendAsync(request, BulkJobView.CreateFromDiscriminatorValue, cancellationToken: cancellationToken);
        return job ?? throw new RepurchException("the API answered the upload without a job");
    }

    public async Task<BulkJobView> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await client.Api.V1.Listings.BulkJobs[id].GetAsync(cancellationToken: cancellationToken)
        ?? throw new RepurchException($"bulk job {id} answered without a body");

    /// <summary>
    /// Polls until the job is <c>completed</c> or <c>failed</c> and returns it (a failed job is returned, not
    /// thrown: see its <c>Error</c>), reporting the job (status, rows_done, total_rows) after every poll.
    /// </summary>
    public async Task<BulkJobView> WaitAsync(Guid id, IProgress<BulkJobView>? progress = null, TimeSpan? interval = null,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(10);
        var deadline = DateTimeOffset.UtcNow + limit;
        while (true)
        {
            var job = await GetAsync(id, cancellationToken);
            progress?.Report(job);
            if (job.Status is "completed" or "failed") return job;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"bulk job {id} still {job.Status} after {limit}");
            await Task.Delay(interval ?? TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>A finished job's report (every row with import_result, import_errors, listing_id) as bytes: <c>csv</c> or <c>xlsx</c>.</summary>
    public async Task<byte[]> ReportAsync(BulkJobView job, string format = "csv", bool errorsOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Id is not { } id || job.Reports is null) throw new InvalidOperationException($"bulk job {job.Id} has no report while {job.Status}");
        var item = client.Api.V1.Listings.BulkJobs[id];
        var stream = format switch
        {
            "csv" => await item.ReportCsv.GetAsync(r => r.QueryParameters.Rows = errorsOnly ? ReportRows.Errors : ReportRows.All, cancellationToken),
            "xlsx" => await item.ReportXlsx.GetAsync(r => r.QueryParameters.Rows = errorsOnly ? XlsxRows.Errors : XlsxRows.All, cancellationToken),
            _ => throw new ArgumentException("format is csv or xlsx", nameof(format)),
        };
        if (stream is null) return [];
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            return copy.ToArray();
        }
    }
}
