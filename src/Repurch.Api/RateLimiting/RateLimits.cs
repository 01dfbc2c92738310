using Repurch.Api.Authentication;
using StackExchange.Redis;

namespace Repurch.Api.RateLimiting;

/// <summary>
/// Chooses the bucket for a request and draws from it: Redis when <c>REPURCH_REDIS_URL</c> is set
/// (shared across nodes), in-process otherwise, and in-process too whenever Redis cannot answer
/// (fail open per node, with a warning at most every 30 seconds).
/// </summary>
public sealed class RateLimits(
    RateLimitPolicies policies, LocalRateLimiter local, ILogger<RateLimits> logger, TimeProvider clock, RedisRateLimiter? redis = null) : IAsyncDisposable
{
    /// <summary>After Redis fails, this node uses its own buckets for this long before asking Redis again.</summary>
    public static readonly TimeSpan RedisRetryAfter = TimeSpan.FromSeconds(5);

    private long _lastWarning = long.MinValue;
    private long _redisFailedAt = long.MinValue;

    public RateLimitKey KeyFor(HttpContext http)
    {
        if (http.Features.Get<Caller>() is { } caller)
        {
            var env = caller.Plane == Persistence.Plane.Sandbox ? "sandbox" : "live";
            return new RateLimitKey($"{env}:{caller.BrandId}", policies.ForBrand(caller.BrandId));
        }
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return new RateLimitKey($"ip:{address}", policies.Anonymous);
    }

    public async Task<RateLimitDecision> AcquireAsync(RateLimitKey key, CancellationToken cancellationToken)
    {
        if (redis is not null && RedisMayAnswer())
        {
            try
            {
                return await redis.AcquireAsync(key, cancellationToken);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                var now = clock.GetTimestamp();
                Interlocked.Exchange(ref _redisFailedAt, now);
                var last = Interlocked.Read(ref _lastWarning);
                if (last == long.MinValue || clock.GetElapsedTime(last, now) > TimeSpan.FromSeconds(30))
                {
                    Interlocked.Exchange(ref _lastWarning, now);
                    logger.LogWarning(e, "Redis rate limiting unavailable; using this node's in-process limits");
                }
            }
        }
        return await local.AcquireAsync(key, cancellationToken);
    }

    private bool RedisMayAnswer()
    {
        var failedAt = Interlocked.Read(ref _redisFailedAt);
        return failedAt == long.MinValue || clock.GetElapsedTime(failedAt) >= RedisRetryAfter;
    }

    public ValueTask DisposeAsync() => redis?.DisposeAsync() ?? ValueTask.CompletedTask;
}
