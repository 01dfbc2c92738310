namespace Repurch.Api.Persistence;

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
