namespace Repurch.Api.RateLimiting;

/// <summary>
/// A token bucket: <see cref="Burst"/> tokens at most, refilled at <see cref="PermitsPerSecond"/>.
/// A request that finds the bucket empty may wait up to <see cref="MaxQueueWait"/> for a token,
/// with at most <see cref="QueueLimit"/> requests waiting per bucket.
/// </summary>
public sealed record RateLimitPolicy(string Name, double PermitsPerSecond, int Burst, int QueueLimit, TimeSpan MaxQueueWait)
{
    /// <summary>Seconds an empty bucket takes to fill: the <c>w</c> of <c>RateLimit-Policy</c>.</summary>
    public long WindowSeconds => Math.Max(1, (long)Math.Ceiling(Burst / PermitsPerSecond));

    /// <summary>Seconds until a bucket holding <paramref name="remaining"/> tokens is full again: the <c>t</c> of <c>RateLimit</c>.</summary>
    public long SecondsUntilFull(double remaining) =>
        remaining >= Burst ? 0 : Math.Max(1, (long)Math.Ceiling((Burst - Math.Max(0, remaining)) / PermitsPerSecond));

    /// <summary>Seconds until the next token: the <c>Retry-After</c> of a 429.</summary>
    public long SecondsUntilNextToken(double remaining) =>
        Math.Max(1, (long)Math.Ceiling((1 - Math.Min(1, remaining)) / PermitsPerSecond));
}

/// <summary>Which bucket a request draws from: a partner (brand + plane) or, unauthenticated, a remote address.</summary>
public sealed record RateLimitKey(string Bucket, RateLimitPolicy Policy);

/// <summary>The policy for each caller, from <see cref="RateLimitOptions"/>.</summary>
public sealed class RateLimitPolicies(RateLimitOptions options)
{
    /// <summary>Reads and checks every policy at once (the host does the same at startup), so a bad setting throws <see cref="Persistence.StartupException"/>.</summary>
    public RateLimitPolicies(IConfiguration configuration)
        : this(Configuration.BoundOptions.Bind<RateLimitOptions>(configuration))
    {
    }

    public RateLimitPolicy Default => options.Default;

    public RateLimitPolicy Anonymous => options.Anonymous;

    public RateLimitPolicy ForBrand(string brandId) => options.Brands.GetValueOrDefault(brandId, options.Default);
}
