namespace Repurch.Api.Persistence;

/// <summary>
/// One piece of evidence in a dispute: screened text and photos. Append-only. A held or blocked
/// message is kept with its status and shown only to its author's side and the operator.
/// </summary>
public sealed class DisputeMessage
{
    public required string Id { get; set; }
    public required string BrandId { get; set; }
    public required string DisputeId { get; set; }
    /// <summary><c>buyer</c>, <c>seller</c> or <c>operator</c>.</summary>
    public required string AuthorSide { get; set; }
    /// <summary>The author: an account id, or the key id of a partner or operator key.</summary>
    public required string AuthorId { get; set; }
    public required string Text { get; set; }
    /// <summary><c>delivered</c>, <c>held</c> or <c>blocked</c>.</summary>
    public required string Status { get; set; }
    public string[] Reasons { get; set; } = [];
    public string? ValidatorVersion { get; set; }
    public long[] PhotoIds { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}
