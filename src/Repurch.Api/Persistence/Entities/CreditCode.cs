namespace Repurch.Api.Persistence;

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
