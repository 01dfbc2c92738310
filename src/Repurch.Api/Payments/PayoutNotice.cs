namespace Repurch.Api.Payments;

/// <summary>A payout status the provider reported through a verified webhook.</summary>
public sealed record PayoutNotice(string PayoutId, bool Succeeded, string? Reason);
