namespace Repurch.Api.Persistence;

public sealed class CreditRedemption
{
    public required string Id { get; set; }
    public required string BrandId { get; set; }
    public required string CodeId { get; set; }
    public required string OrderReference { get; set; }
    public decimal Amount { get; set; }
    public Guid KeyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReversedAt { get; set; }
}
