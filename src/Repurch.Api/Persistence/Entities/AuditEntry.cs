namespace Repurch.Api.Persistence;

/// <summary>Append-only record of a settings or key change: who, with which key, what, when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public required string BrandId { get; set; }
    public Guid? ActorKeyId { get; set; }
    public string? ActorKeyPrefix { get; set; }
    public required string Action { get; set; }
    public string? TargetId { get; set; }
    /// <summary>JSON object of field: {from, to}; secrets never appear here.</summary>
    public string Changes { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
}
