namespace Repurch.Api.Persistence;

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
