namespace Repurch.Api.Persistence;

/// <summary>
/// A buyer's (or PayPal's) dispute over a paid order whose money is still in escrow. At most one
/// dispute per order is not yet resolved (a unique partial index).
/// </summary>
public sealed class Dispute
{
    public required string Id { get; set; }
    public required string BrandId { get; set; }
    public required string OrderId { get; set; }
    /// <summary>Who opened it: the buyer's account id (<c>acct_…</c>) or <c>paypal</c>.</summary>
    public required string OpenedBy { get; set; }
    /// <summary>The order's buyer account, when the order was placed by a signed-in buyer.</summary>
    public string? BuyerAccountId { get; set; }
    public required string Reason { get; set; }
    /// <summary>The opening statement (screened); shown to the seller side only when delivered.</summary>
    public string? Text { get; set; }
    public string TextStatus { get; set; } = "delivered";
    public string[] TextReasons { get; set; } = [];
    /// <summary>The stored state; the answer's status also counts deadlines that have passed (see DisputeStates).</summary>
    public required string Status { get; set; }
    public string? Outcome { get; set; }
    /// <summary>Who resolved it: <c>operator</c> or <c>paypal</c>.</summary>
    public string? ResolvedBy { get; set; }
    /// <summary>The order's amount when the dispute opened: the most a refund can return.</summary>
    public decimal OrderAmount { get; set; }
    public decimal AmountRefunded { get; set; }
    public string? ProviderDisputeId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset SellerResponseDueAt { get; set; }
    public DateTimeOffset DecisionDueAt { get; set; }
    public DateTimeOffset? SellerRespondedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
