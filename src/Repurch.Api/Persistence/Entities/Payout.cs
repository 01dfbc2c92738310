namespace Repurch.Api.Persistence;

public sealed class Payout
{
    public required string Id { get; set; }
    public required string BrandId { get; set; }
    public required string OrderId { get; set; }
    public decimal Amount { get; set; }
    /// <summary><c>pending</c> (not sent yet), <c>sent</c> (the provider has it), <c>settled</c>, <c>failed</c>.</summary>
    public required string Status { get; set; }
    public string? ProviderBatchId { get; set; }
    public string? FailureReason { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? SettledAt { get; set; }
}
