using Repurch.Api.Errors;

namespace Repurch.Api.Features.Bulk;

public static class BulkErrors
{
    // The message always says which file problem it was.
    public static readonly ErrorCode BadFile = new(400, "bad_file",
        "No file supplied, `file_b64` is not valid base64, both `file_b64` and `csv_text` were sent, a field is unknown or sent twice, or the file cannot be read as CSV or XLSX: " +
        "binary garbage, undecodable text, a damaged zip, a zip bomb, a macro-enabled workbook, external links, an XML DTD, no header row, or a duplicate column. The message says which.");
    public static readonly ErrorCode TooManyRows = new(400, "too_many_rows",
        $"The file has more than {BulkColumns.MaxRows} data rows; split it, or send it to POST /v1/listings/bulk-jobs which takes any size.",
        $"The file has more than {BulkColumns.MaxRows} data rows. Split it, or send it to POST /v1/listings/bulk-jobs, which takes files of any size.");
    public static readonly ErrorCode NoIds = new(400, "no_ids",
        "Provide at least one listing ID (`ids` missing, empty, or not an array of integers; `data.errors` says which).", "Provide at least one listing ID.");
    public static readonly ErrorCode TooMany = new(400, "too_many",
        $"Bulk delete is capped at {BulkEndpoints.MaxDeleteIds} listings per call.");
    public static readonly ErrorCode FileTooLarge = new(413, "file_too_large",
        "The file is larger than 256 MB.", $"The file must be at most {BulkJobEndpoints.MaxFileBytes / 1024 / 1024} MB.");
    public static readonly ErrorCode JobNotFound = new(404, "bulk_job_not_found", "No such job for this brand.", "Bulk job not found.");
    public static readonly ErrorCode JobNotFinished = new(409, "bulk_job_not_finished",
        "The job is still queued or processing (`bulk_job_not_finished`), or failed as a whole so there are no rows to report (`bulk_job_failed`).",
        "The job has not finished yet; poll GET /v1/listings/bulk-jobs/{id} until its status is completed.");
    // Documented in JobNotFinished's table text; the message carries the job's error.
    public static readonly ErrorCode JobFailed = new(409, "bulk_job_failed", "The job failed as a whole, so there are no rows to report.");
}
