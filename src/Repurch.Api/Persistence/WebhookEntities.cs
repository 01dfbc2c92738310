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

public sealed class WebhookEndpoint
{
    public required string Id { get; set; }
    public required string BrandId { get; set; }
    public required string Url { get; set; }
    public string? Description { get; set; }
    /// <summary>Event types delivered; <c>*</c> means all.</summary>
    public required string[] EventTypes { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>Deliver one event at a time, oldest first: a later event waits until the earlier one is done.</summary>
    public bool Ordered { get; set; }
    public required string Secret { get; set; }
    /// <summary>The secret before the last rotation, still signed with until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }
    /// <summary>The first failure of the current run of failures; null after a success.</summary>
    public DateTimeOffset? FailingSince { get; set; }
    public string? DisabledReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public required string BrandId { get; set; }
    public required string EndpointId { get; set; }
    public required string EventId { get; set; }
    public long EventSeq { get; set; }
    /// <summary><c>pending</c>, <c>succeeded</c> or <c>failed</c> (gave up).</summary>
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    /// <summary>Why it was created: <c>event</c> or <c>replay</c>.</summary>
    public required string Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

public sealed class WebhookAttempt
{
    public long Id { get; set; }
    public required string BrandId { get; set; }
    public long DeliveryId { get; set; }
    public required string EndpointId { get; set; }
    public required string EventId { get; set; }
    public int? StatusCode { get; set; }
    public int LatencyMs { get; set; }
    public string? Error { get; set; }
    /// <summary>The first bytes of the receiver's answer, for debugging.</summary>
    public string? ResponseBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
