using System.Threading.RateLimiting;

namespace Repurch.Api.RateLimiting;

/// <summary>
/// In-process token buckets (one node): a <see cref="PartitionedRateLimiter"/> of
/// <see cref="TokenBucketRateLimiter"/>s, one per bucket, with a bounded queue that waits at most
/// the policy's <c>MaxQueueWait</c> for a token.
/// </summary>
public sealed class LocalRateLimiter : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<RateLimitKey> _limiter = PartitionedRateLimiter.Create<RateLimitKey, RateLimitKey>(
        key => RateLimitPartition.GetTokenBucketLimiter(key, k => Options(k.Policy)));

    internal static TokenBucketRateLimiterOptions Options(RateLimitPolicy policy)
    {
        // The partitioned limiter refills by elapsed time (fractions included), so only the ratio matters.
        var tokens = Math.Max(1, (int)Math.Round(policy.PermitsPerSecond));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = policy.Burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / policy.PermitsPerSecond),
            QueueLimit = policy.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }

    public async Task<RateLimitDecision> AcquireAsync(RateLimitKey key, CancellationToken cancellationToken)
    {
        var policy = key.Policy;
        RateLimitLease? lease = _limiter.AttemptAcquire(key);
        if (!lease.IsAcquired && policy.QueueLimit > 0 && policy.MaxQueueWait > TimeSpan.Zero)
        {
            lease.Dispose();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(policy.MaxQueueWait);
            try
            {
                lease = await _limiter.AcquireAsync(key, 1, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lease = null; // waited as long as the policy allows
            }
        }
        using (lease)
        {
            var remaining = (double)(_limiter.GetStatistics(key)?.CurrentAvailablePermits ?? 0);
            if (lease?.IsAcquired == true) return new RateLimitDecision(true, remaining, 0);
            var retryAfter = lease is not null && lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                ? Math.Max(1, (long)Math.Ceiling(after.TotalSeconds))
                : policy.SecondsUntilNextToken(remaining);
            return new RateLimitDecision(false, remaining, retryAfter);
        }
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}
