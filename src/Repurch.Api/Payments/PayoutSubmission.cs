namespace Repurch.Api.Payments;

/// <param name="Settled">True when the provider confirmed the money arrived in the same call (the fake does).</param>
public sealed record PayoutSubmission(string BatchId, bool Settled);
