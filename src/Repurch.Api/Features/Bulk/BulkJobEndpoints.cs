using System.Data;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Npgsql;
using NpgsqlTypes;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.Idempotency;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Bulk;

/// <summary>
/// Background imports of any size: the upload is streamed to disk while hashed, stored in the
/// database (bytea, so every node and every restart sees it) with the job and a queue entry in one
/// transaction, and answered <c>202</c> at once; <see cref="BulkJobWorker"/> does the rest.
/// </summary>
public static class BulkJobEndpoints
{
    public const long MaxFileBytes = 256L * 1024 * 1024;
    public static readonly string[] Modes = ["commit", "validate"];
    public static readonly string[] ReportRows = ["all", "errors"];
    private static readonly string[] RawTypes =
    [
        "text/csv", "text/plain", "application/csv", "application/octet-stream", "application/vnd.ms-excel", BulkTemplate.ContentType,
    ];

    public static void Map(RouteGroupBuilder read, RouteGroupBuilder write)
    {
        write.MapPost("/bulk-jobs", Create).WithName("CreateBulkJob").WithSummary("Start a background import")
            .WithMetadata(new OwnIdempotency())
            .Query("mode", JsonSchemaType.String, "`commit` (default) creates and updates listings; `validate` only reports.", values: Modes, defaultValue: "commit")
            .Query("filename", JsonSchemaType.String, "Name to show for a raw-body upload (multipart uploads carry their own).")
            .WithDescription("Takes a CSV or XLSX file of any size up to 256 MB, either as `multipart/form-data` with the file in the `file` field, or as the raw body " +
                "(`Content-Type: text/csv`, `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` or `application/octet-stream`; the format is decided from the bytes). " +
                "Answers `202` with the job at once (`Location` points at it); the file is processed in the background in batches of 500 rows, each batch in its own transaction, " +
                "with the same per-row validation as bulk-validate. Rows whose `sku` matches one of the brand's listings update that listing (blank cells keep its values) instead of creating a copy. " +
                "A file-level problem (see `bad_file` on bulk-validate) ends the job as `failed` with `error`. " +
                "With an `Idempotency-Key`, repeating the same upload returns the same job (`Idempotent-Replayed: true`) and nothing is imported twice.")
            .Produces<BulkJobView>(202)
            .Errors([.. CommonErrors.Auth,
                BulkErrors.BadFile.DescribedAs("No file, an empty file, or a multipart body without a `file` field."),
                CommonErrors.InvalidParameter.DescribedAs("`mode` is not commit or validate."),
                IdempotencyErrors.KeyInvalid.DescribedAs("Idempotency-Key is not 1 to 255 printable ASCII characters."),
                IdempotencyErrors.KeyInUse.DescribedAs("The same Idempotency-Key is being used by an upload still in progress."),
                BulkErrors.FileTooLarge,
                CommonErrors.UnsupportedMediaType.DescribedAs("Send multipart/form-data with a `file` field, or the raw file as text/csv or the XLSX type."),
                IdempotencyErrors.KeyMismatch.DescribedAs("This Idempotency-Key started a job for a different file or mode.")]);
        read.MapGet("/bulk-jobs/{id:guid}", Get).WithName("GetBulkJob").WithSummary("Get a background import")
            .WithDescription("Status (`queued`, `processing`, `completed`, `failed`) and progress: `rows_done` of `total_rows` (known once the file has been counted), " +
                "`progress` as a fraction. When completed, `reports` links the per-row report as CSV and as XLSX. Another brand's job is `404`.")
            .Errors([.. CommonErrors.Auth, BulkErrors.JobNotFound]);
        read.MapGet("/bulk-jobs/{id:guid}/report.csv", (Guid id, HttpContext http, RepurchDb db, DataPlanes planes, string? rows, CancellationToken ct) => Report(id, http, db, rows, "csv", ct)).WithBrandSession()
            .WithName("GetBulkJobReportCsv").WithSummary("Download a job's report as CSV")
            .WithDescription(ReportText("CSV (UTF-8 with BOM)"))
            .Query("rows", JsonSchemaType.String, "`all` rows, or only the rows with `errors`.", values: ReportRows, defaultValue: "all")
            .Produces(200, contentType: "text/csv")
            .Errors([.. CommonErrors.Auth, BulkErrors.JobNotFound, InvalidRows, BulkErrors.JobNotFinished]);
        read.MapGet("/bulk-jobs/{id:guid}/report.xlsx", (Guid id, HttpContext http, RepurchDb db, string? rows, CancellationToken ct) => Report(id, http, db, rows, "xlsx", ct)).WithBrandSession()
            .WithName("GetBulkJobReportXlsx").WithSummary("Download a job's report as XLSX")
            .WithDescription(ReportText("XLSX"))
            .Query("rows", JsonSchemaType.String, "`all` rows, or only the rows with `errors`.", values: ReportRows, defaultValue: "all")
            .Produces(200, contentType: BulkTemplate.ContentType)
            .Errors([.. CommonErrors.Auth, BulkErrors.JobNotFound, InvalidRows, BulkErrors.JobNotFinished]);
        read.MapGet("/bulk-jobs/{id}", () => BulkErrors.JobNotFound.Result()).ExcludeFromDescription();
    }

    private static readonly ErrorCode InvalidRows = CommonErrors.InvalidParameter.DescribedAs("`rows` is not all or errors.");

    private static string ReportText(string format) =>
        $"The partner's own rows, as uploaded and in file order, as {format}, with three columns added: `import_result` (`created`, `updated`, `ok` in validate mode, or `error`), " +
        "`import_errors` (the row's codes joined with \" · \") and `listing_id`. Fix the error rows in place and upload the file again: the added columns are ignored on upload. " +
        "Any cell that would start a formula (= + - @, tab, CR) is sent back with a leading apostrophe.";

    public static BulkJobView View(BulkJob j) => new(
        j.Id, j.Status, j.Mode, j.Format, j.Filename, j.FileSize, j.TotalRows, j.RowsDone,
        j.TotalRows is > 0 ? Math.Round((double)j.RowsDone / j.TotalRows.Value, 4) : j.Status == "completed" ? 1 : null,
        j.RowsDone - j.ErrorCount, j.CreatedCount, j.UpdatedCount, j.ErrorCount,
        j.ErrorCode is null ? null : new BulkJobError(j.ErrorCode, j.ErrorMessage ?? ""),
        j.Status == "completed" ? new BulkJobReports($"/v1/listings/bulk-jobs/{j.Id}/report.csv", $"/v1/listings/bulk-jobs/{j.Id}/report.xlsx") : null,
        WireFormat.Timestamp(j.CreatedAt), WireFormat.Timestamp(j.StartedAt), WireFormat.Timestamp(j.FinishedAt));

    private static async Task<IResult> Create(HttpContext http, RepurchDb db, BulkJobSignal signal, TimeProvider clock, string? mode, string? filename, CancellationToken ct)
    {
        var caller = http.Caller();
        mode ??= "commit";
        if (!Modes.Contains(mode)) return Problems.InvalidParameter("mode", "mode_invalid", "mode must be commit or validate.");
        string? key = null;
        if (http.Request.Headers.TryGetValue(IdempotencyMiddleware.Header, out var keys))
        {
            if (keys.Count != 1 || !IdempotencyMiddleware.IsValidKey(keys[0])) return IdempotencyMiddleware.InvalidKey();
            key = IdempotencyMiddleware.StoredKey(keys[0]!);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxFileBytes + 1024 * 1024;

        var temp = Path.Combine(Path.GetTempPath(), $"repurch-upload-{Guid.NewGuid():N}");
        try
        {
            var (received, name, error) = await ReceiveAsync(http.Request, temp, ct);
            if (error is not null) return error;
            filename = Clean(name ?? filename);
            await using var file = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
            var sha = await SHA256.HashDataAsync(file, ct);
            file.Position = 0;
            var head = new byte[4];
            var n = await file.ReadAtLeastAsync(head, 4, throwOnEndOfStream: false, ct);
            file.Position = 0;

            await db.OpenBrandSessionAsync(ct);
            if (key is not null && await db.BulkJobs.FirstOrDefaultAsync(j => j.IdempotencyKey == key, ct) is { } earlier)
            {
                if (!earlier.FileSha256.AsSpan().SequenceEqual(sha) || earlier.Mode != mode) return IdempotencyMiddleware.Mismatch();
                http.Response.Headers[IdempotencyMiddleware.ReplayedHeader] = "true";
                return TypedResults.Accepted($"/v1/listings/bulk-jobs/{earlier.Id}", View(earlier));
            }

            var now = clock.GetUtcNow();
            var job = new BulkJob
            {
                Id = Guid.CreateVersion7(), BrandId = caller.BrandId, Mode = mode, Format = BulkFile.LooksLikeZip(head.AsSpan(0, n)) ? "xlsx" : "csv",
                Filename = filename, FileSize = received, FileSha256 = sha, IdempotencyKey = key, CreatedByKeyId = caller.KeyId,
                CreatedAt = now, UpdatedAt = now,
            };
            await using (var work = await db.BeginOrJoinTransactionAsync(ct))
            {
                db.BulkJobs.Add(job);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                {
                    return IdempotencyMiddleware.InUse();
                }
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                var tx = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
                await using (var insert = new NpgsqlCommand("INSERT INTO bulk_job_files (job_id, brand_id, content) VALUES ($1, $2, $3)", connection, tx))
                {
                    insert.Parameters.Add(new NpgsqlParameter { Value = job.Id });
                    insert.Parameters.Add(new NpgsqlParameter { Value = job.BrandId });
                    // Streamed from disk: the upload is never held in memory.
                    insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = file, Size = (int)received });
                    await insert.ExecuteNonQueryAsync(ct);
                }
                // Queued through the SECURITY DEFINER function: it accepts only a job of the session's brand.
                await using (var enqueue = new NpgsqlCommand("SELECT bulk_job_enqueue($1)", connection, tx))
                {
                    enqueue.Parameters.Add(new NpgsqlParameter { Value = job.Id });
                    await enqueue.ExecuteNonQueryAsync(ct);
                }
                await work.CommitAsync(ct);
            }
            // Only a hint: the workers also poll, so a job committed by another node is found too.
            signal.Notify();
            return TypedResults.Accepted($"/v1/listings/bulk-jobs/{job.Id}", View(job));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        name = Path.GetFileName(name.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? null : name.Length > 255 ? name[..255] : name;
    }

    /// <summary>Copies the upload (multipart <c>file</c> field or raw body) to <paramref name="path"/>.</summary>
    private static async Task<(long Size, string? Name, ApiErrorResult? Error)> ReceiveAsync(HttpRequest request, string path, CancellationToken ct)
    {
        var type = request.ContentType;
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        Stream source;
        string? name = null;
        MultipartSection? section = null;
        if (type is not null && type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = MediaTypeHeaderValue.TryParse(type, out var media) ? HeaderUtilities.RemoveQuotes(media.Boundary).Value : null;
            if (string.IsNullOrEmpty(boundary)) return (0, null, BulkEndpoints.Bad("The multipart body has no boundary."));
            var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
            try
            {
                while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
                {
                    if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                        && HeaderUtilities.RemoveQuotes(disposition.Name).Value == "file")
                    {
                        name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                        break;
                    }
                }
            }
            catch (IOException)
            {
                return (0, null, BulkEndpoints.Bad("The multipart body cannot be read."));
            }
            if (section is null) return (0, null, BulkEndpoints.Bad("The multipart body has no file field: send the file as the form field named \"file\"."));
            source = section.Body;
        }
        else if (type is null || RawTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        {
            source = request.Body;
        }
        else
        {
            return (0, null, CommonErrors.UnsupportedMediaType.Result("Send multipart/form-data with the file in the \"file\" field, or the raw file with Content-Type text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet."));
        }

        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > MaxFileBytes) return (0, null, BulkErrors.FileTooLarge.Result());
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (0, null, BulkErrors.FileTooLarge.Result());
        }
        catch (IOException)
        {
            return (0, null, BulkEndpoints.Bad("The upload ended before the file was complete."));
        }
        if (total == 0) return (0, null, BulkEndpoints.Bad("No file supplied: the upload is empty."));
        return (total, name, null);
    }

    private static async Task<Results<Ok<BulkJobView>, ApiErrorResult>> Get(Guid id, RepurchDb db, CancellationToken ct)
    {
        var job = await db.BulkJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        return job is null ? BulkErrors.JobNotFound.Result() : TypedResults.Ok(View(job));
    }

    private static async Task<IResult> Report(Guid id, HttpContext http, RepurchDb db, string? rows, string format, CancellationToken ct)
    {
        rows ??= "all";
        if (!ReportRows.Contains(rows)) return Problems.InvalidParameter("rows", "rows_invalid", "rows must be all or errors.");
        var job = await db.BulkJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return BulkErrors.JobNotFound.Result();
        if (job.Status == "failed") return BulkErrors.JobFailed.Result($"The job failed as a whole, so there are no rows to report: {job.ErrorMessage}");
        if (job.Status != "completed") return BulkErrors.JobNotFinished.Result();

        var output = await BulkReports.WriteAsync(db, job, format, rows == "errors", ct);
        var baseName = Path.GetFileNameWithoutExtension(job.Filename ?? "import");
        var name = $"{baseName}-report.{format}";
        return TypedResults.File(output, format == "csv" ? "text/csv; charset=utf-8" : BulkTemplate.ContentType, name);
    }
}
