namespace Repurch.Api.Persistence;

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
