using System.Globalization;

namespace Repurch.Api.RateLimiting;

/// <summary>
/// Policies from configuration: <c>RateLimits:Default</c> for every partner, <c>RateLimits:Brands:&lt;brand_id&gt;</c>
/// overriding it per brand (field by field), <c>RateLimits:Anonymous</c> for requests without a valid credential.
/// Each section may set <c>PermitsPerSecond</c>, <c>Burst</c>, <c>QueueLimit</c> and <c>MaxQueueWaitMs</c>.
/// </summary>
public sealed class RateLimitPolicies
{
    public const double DefaultPermitsPerSecond = 50;
    public const int DefaultBurst = 200;
    public const int DefaultQueueLimit = 100;
    public const int DefaultMaxQueueWaitMs = 1000;

    private readonly Dictionary<string, RateLimitPolicy> _brands = new(StringComparer.Ordinal);

    /// <summary>Reads every policy at once, so a bad setting stops the node at startup.</summary>
    public RateLimitPolicies(IConfiguration configuration)
    {
        Default = Read("default", configuration.GetSection("RateLimits:Default"), null);
        Anonymous = Read("anonymous", configuration.GetSection("RateLimits:Anonymous"), Default);
        foreach (var brand in configuration.GetSection("RateLimits:Brands").GetChildren())
            _brands[brand.Key] = Read("partner", brand, Default);
    }

    public RateLimitPolicy Default { get; }

    public RateLimitPolicy Anonymous { get; }

    public RateLimitPolicy ForBrand(string brandId) => _brands.GetValueOrDefault(brandId, Default);

    private static RateLimitPolicy Read(string name, IConfigurationSection section, RateLimitPolicy? fallback)
    {
        var rate = Number(section, "PermitsPerSecond") ?? fallback?.PermitsPerSecond ?? DefaultPermitsPerSecond;
        var burst = (int?)Number(section, "Burst") ?? fallback?.Burst ?? DefaultBurst;
        var queue = (int?)Number(section, "QueueLimit") ?? fallback?.QueueLimit ?? DefaultQueueLimit;
        var waitMs = Number(section, "MaxQueueWaitMs") ?? fallback?.MaxQueueWait.TotalMilliseconds ?? DefaultMaxQueueWaitMs;
        if (rate <= 0 || burst < 1 || queue < 0 || waitMs < 0)
            throw new Persistence.StartupException($"RateLimits ({section.Path}): PermitsPerSecond must be > 0, Burst >= 1, QueueLimit and MaxQueueWaitMs >= 0.");
        return new RateLimitPolicy(name, rate, burst, queue, TimeSpan.FromMilliseconds(waitMs));
    }

    private static double? Number(IConfigurationSection section, string name)
    {
        var value = section[name];
        if (string.IsNullOrWhiteSpace(value)) return null;
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new Persistence.StartupException($"RateLimits ({section.Path}:{name}): \"{value}\" is not a number.");
    }
}
