namespace Repurch.Api.Persistence;

/// <summary>
/// One thing that happened to a brand, written to the outbox in the same transaction as the change
/// it describes. <see cref="Seq"/> orders events; <see cref="Id"/> (<c>evt_…</c>) is the public id.
/// </summary>
public sealed class EventRecord
{
    public required string Id { get; set; }
    public long Seq { get; set; }
    public required string BrandId { get; set; }
    public required string Type { get; set; }
    /// <summary>The event's <c>data</c> object as JSON.</summary>
    public required string Data { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set once the dispatcher has created a delivery per matching endpoint.</summary>
    public DateTimeOffset? FannedOutAt { get; set; }
}
