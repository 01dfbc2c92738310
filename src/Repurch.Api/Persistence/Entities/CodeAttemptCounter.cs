namespace Repurch.Api.Persistence;

/// <summary>Failed redeem/validate guesses per API key per window: the brute-force brake.</summary>
public sealed class CodeAttemptCounter
{
    public required string BrandId { get; set; }
    public Guid KeyId { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public int Failures { get; set; }
}
