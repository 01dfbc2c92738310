namespace Repurch.Api.Persistence;

/// <summary>A bulk import of any size, processed in the background (POST /v1/listings/bulk-jobs).</summary>
public sealed class BulkJob
{
    public Guid Id { get; set; }
    public required string BrandId { get; set; }
    /// <summary><c>queued</c>, <c>processing</c>, <c>completed</c> or <c>failed</c>.</summary>
    public string Status { get; set; } = "queued";
    /// <summary><c>commit</c> writes listings; <c>validate</c> only reports.</summary>
    public string Mode { get; set; } = "commit";
    /// <summary><c>csv</c> or <c>xlsx</c>, decided from the bytes.</summary>
    public required string Format { get; set; }
    public string? Filename { get; set; }
    public long FileSize { get; set; }
    public required byte[] FileSha256 { get; set; }
    /// <summary>SHA-256 of the Idempotency-Key the upload carried (never the key).</summary>
    public string? IdempotencyKey { get; set; }
    public int? TotalRows { get; set; }
    public int RowsDone { get; set; }
    public int CreatedCount { get; set; }
    public int UpdatedCount { get; set; }
    public int ErrorCount { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public Guid? CreatedByKeyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
