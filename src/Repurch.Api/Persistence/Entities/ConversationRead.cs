namespace Repurch.Api.Persistence;

/// <summary>
/// One advance of a participant's read pointer (append-only): everything delivered to them up to
/// <see cref="UpToSeq"/> was read at <see cref="ReadAt"/>. A message's read receipt is the first
/// advance of the recipient's pointer that covers it.
/// </summary>
public sealed class ConversationRead
{
    public long Id { get; set; }
    public required string BrandId { get; set; }
    public required string ConversationId { get; set; }
    /// <summary><c>buyer</c> or <c>owner</c>.</summary>
    public required string Reader { get; set; }
    public long UpToSeq { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}
