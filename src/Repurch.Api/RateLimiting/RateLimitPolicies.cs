namespace Repurch.Api.RateLimiting;

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
