namespace Repurch.Api.Persistence;

/// <summary>One data row's outcome in a job's report.</summary>
public sealed class BulkJobRow
{
    public Guid JobId { get; set; }
    public int Row { get; set; }
    public required string BrandId { get; set; }
    /// <summary><c>created</c>, <c>updated</c>, <c>ok</c> (validate mode) or <c>error</c>.</summary>
    public required string Result { get; set; }
    public long? ListingId { get; set; }
    public string[]? Errors { get; set; }
}
