namespace Repurch.Api.Persistence;

/// <summary>
/// One line of the double-entry ledger, in pence. Positive is a debit, negative a credit; the lines of
/// one posting (<see cref="PostingId"/>) sum to zero, which a deferred constraint trigger checks at
/// commit. The table is append-only: the app role may only read and insert, and a trigger rejects
/// UPDATE and DELETE for everyone else too.
/// </summary>
public sealed class LedgerEntry
{
    public long Id { get; set; }
    public required string BrandId { get; set; }
    public Guid PostingId { get; set; }
    /// <summary>What the posting records: <c>order_captured</c>, <c>escrow_released</c>, <c>refund</c>, …</summary>
    public required string Kind { get; set; }
    public required string Account { get; set; }
    public long AmountPence { get; set; }
    public string? OrderId { get; set; }
    public string? PayoutId { get; set; }
    public string? CreditCodeId { get; set; }
    public string? RedemptionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
