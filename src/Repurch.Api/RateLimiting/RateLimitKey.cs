namespace Repurch.Api.RateLimiting;

/// <summary>Which bucket a request draws from: a partner (brand + plane) or, unauthenticated, a remote address.</summary>
public sealed record RateLimitKey(string Bucket, RateLimitPolicy Policy);
