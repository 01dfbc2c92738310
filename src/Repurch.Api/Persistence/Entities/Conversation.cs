namespace Repurch.Api.Persistence;

/// <summary>
/// A conversation about one listing between a buyer (an account) and the listing's owner: its
/// consumer seller (an account) or the brand itself for brand-owned stock. One per (listing, buyer).
/// </summary>
public sealed class Conversation
{
    /// <summary><c>conv_…</c>.</summary>
    public required string Id { get; set; }
    public required string BrandId { get; set; }
    public long ListingId { get; set; }
    public required string BuyerAccountId { get; set; }
    /// <summary><c>seller</c> (a consumer seller account) or <c>brand</c> (brand-owned stock).</summary>
    public required string OwnerType { get; set; }
    /// <summary>The seller's account when <see cref="OwnerType"/> is <c>seller</c>; null for the brand.</summary>
    public string? OwnerAccountId { get; set; }
    /// <summary>Read pointers: the highest <see cref="Message.DeliverySeq"/> each side has read (0: nothing).</summary>
    public long BuyerReadSeq { get; set; }
    public long OwnerReadSeq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the last message anyone sent in it was written (its activity, whatever the verdict).</summary>
    public DateTimeOffset LastMessageAt { get; set; }
    /// <summary>When the last message was delivered: the activity both sides can see.</summary>
    public DateTimeOffset? LastDeliveredAt { get; set; }
}
