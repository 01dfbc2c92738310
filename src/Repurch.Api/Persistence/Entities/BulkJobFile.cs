namespace Repurch.Api.Persistence;

/// <summary>The uploaded bytes, apart from the job so status reads never touch them.</summary>
public sealed class BulkJobFile
{
    public Guid JobId { get; set; }
    public required string BrandId { get; set; }
    public required byte[] Content { get; set; }
}
