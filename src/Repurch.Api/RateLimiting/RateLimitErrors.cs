using Repurch.Api.Errors;

namespace Repurch.Api.RateLimiting;

public static class RateLimitErrors
{
    // Every limited operation documents it (RateLimitOpenApi); the message says whose bucket ran dry.
    public static readonly ErrorCode RateLimited = new(429, "rate_limited",
        "too many requests for this partner and environment; retry after `Retry-After` seconds.");
}
