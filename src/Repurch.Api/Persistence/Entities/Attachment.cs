namespace Repurch.Api.Persistence;

/// <summary>
/// One uploaded photo: the stored original and its two variants, by object-store key. Keys start
/// with the brand and carry a random segment, so one brand's URLs never lead to another's.
/// </summary>
public sealed class Attachment
{
    public long Id { get; set; }
    public required string BrandId { get; set; }
    public required string Filename { get; set; }
    public required string Mime { get; set; }
    public required string StorageKey { get; set; }
    public required string MediumKey { get; set; }
    public required string LargeKey { get; set; }
    /// <summary>Size of the stored original in bytes.</summary>
    public long Bytes { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public int Frames { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The consumer account that uploaded it with a user token (null for a partner's upload): a consumer may attach only its own.</summary>
    public string? UploaderAccountId { get; set; }
}
