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

public sealed class Order
{
    public required string Id { get; set; }
    /// <summary>The listing's brand: the order lives under that brand's row-level security scope.</summary>
    public required string BrandId { get; set; }
    /// <summary>The marketplace brand whose storefront key placed the order (it may read the order back).</summary>
    public required string MarketplaceBrandId { get; set; }
    public long ListingId { get; set; }
    public required string ListingTitle { get; set; }
    public required string Channel { get; set; }
    public required string OwnerType { get; set; }
    public long? SellerId { get; set; }
    public int Quantity { get; set; }
    public required string BuyerEmail { get; set; }
    public required string BuyerName { get; set; }
    public required string Status { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Amount { get; set; }
    public decimal Commission { get; set; }
    public decimal Vat { get; set; }
    public decimal DeliveryContribution { get; set; }
    public decimal Payout { get; set; }
    public required string PaymentProvider { get; set; }
    public string? ProviderOrderId { get; set; }
    public string? ProviderCaptureId { get; set; }
    public string? ProviderRefundId { get; set; }
    public string? ApproveUrl { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public DateTimeOffset? ReleaseDueAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? RefundedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
}

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

/// <summary>
/// A single-use credit code. The code itself is never stored in the clear: <see cref="CodeHash"/> is
/// an HMAC of the brand and code under a server secret (the look-up), and <see cref="CodeCipher"/> is
/// the code sealed with AES-GCM under a server key, opened only for the seller's own view.
/// </summary>
public sealed class CreditCode
{
    public required string Id { get; set; }
    public required string BrandId { get; set; }
    public long SellerId { get; set; }
    public required string OrderId { get; set; }
    public required byte[] CodeHash { get; set; }
    /// <summary>Brand-free keyed hash: only answers "does another brand have this code?".</summary>
    public byte[]? GlobalHash { get; set; }
    public required byte[] CodeCipher { get; set; }
    /// <summary>Last characters of the code, safe to show partners.</summary>
    public required string Hint { get; set; }
    public decimal Amount { get; set; }
    /// <summary><c>active</c>, <c>redeemed</c> or <c>voided</c>; expiry is <see cref="ExpiresAt"/>.</summary>
    public required string Status { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RedeemedAt { get; set; }
    public string? OrderReference { get; set; }
    public string? RedemptionId { get; set; }
    public DateTimeOffset? VoidedAt { get; set; }
}

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

/// <summary>Failed redeem/validate guesses per API key per window: the brute-force brake.</summary>
public sealed class CodeAttemptCounter
{
    public required string BrandId { get; set; }
    public Guid KeyId { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public int Failures { get; set; }
}
