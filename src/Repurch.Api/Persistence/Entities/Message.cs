namespace Repurch.Api.Persistence;

/// <summary>
/// One message (or one version of an edited message). Append-only: text, sender and version never
/// change and rows are never deleted (the app role has no UPDATE on those columns and no DELETE);
/// only the moderation state moves (held -> delivered | rejected).
/// </summary>
public sealed class Message
{
    /// <summary><c>msg_…</c>.</summary>
    public required string Id { get; set; }
    public required string BrandId { get; set; }
    public required string ConversationId { get; set; }
    /// <summary>Write order (identity): the order messages are listed in.</summary>
    public long Seq { get; set; }
    /// <summary><c>buyer</c> or <c>owner</c>.</summary>
    public required string SenderRole { get; set; }
    /// <summary>The sending account; null when the brand sent it.</summary>
    public string? SenderAccountId { get; set; }
    public required string Text { get; set; }
    /// <summary><c>delivered</c>, <c>held</c>, <c>blocked</c> or <c>rejected</c>.</summary>
    public required string Status { get; set; }
    public string[] Reasons { get; set; } = [];
    /// <summary>JSON array of the screener's signals <c>{type, start, end}</c>, stored as jsonb.</summary>
    public string Signals { get; set; } = "[]";
    public required string ValidatorVersion { get; set; }
    /// <summary>1 for a new message; an edit is the next version of the one it <see cref="Replaces"/>.</summary>
    public int Version { get; set; } = 1;
    public string? Replaces { get; set; }
    /// <summary>Delivery order (a database sequence), set when the message is delivered: read pointers compare it.</summary>
    public long? DeliverySeq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? ModeratedAt { get; set; }
    public Guid? ModeratedByKeyId { get; set; }
}
