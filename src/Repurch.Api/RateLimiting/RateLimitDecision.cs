namespace Repurch.Api.RateLimiting;

/// <summary>The outcome of drawing a token: allowed or not, the tokens left, and for a refusal when to retry.</summary>
public readonly record struct RateLimitDecision(bool Allowed, double Remaining, long RetryAfterSeconds);
