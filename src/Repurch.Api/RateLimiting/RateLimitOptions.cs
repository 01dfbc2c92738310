using System.Globalization;
using Repurch.Api.Configuration;

namespace Repurch.Api.RateLimiting;

/// <summary>
/// Rate limit settings: <c>RateLimits:Default</c> for every partner, <c>RateLimits:Brands:&lt;brand_id&gt;</c>
/// overriding it per brand (field by field), <c>RateLimits:Anonymous</c> for requests without a valid
/// credential (each may set <c>PermitsPerSecond</c>, <c>Burst</c>, <c>QueueLimit</c> and <c>MaxQueueWaitMs</c>),
/// <c>RateLimits:Enabled</c>, and <c>REPURCH_REDIS_URL</c> for buckets shared across nodes.
/// </summary>
public sealed class RateLimitOptions : BoundOptions
{
    public const string RedisUrlSetting = "REPURCH_REDIS_URL";
    public const double DefaultPermitsPerSecond = 50;
    public const int DefaultBurst = 200;
    public const int DefaultQueueLimit = 100;
    public const int DefaultMaxQueueWaitMs = 1000;

    /// <summary><c>RateLimits:Enabled=false</c> leaves the limiter out of the pipeline: for benchmarks that measure its cost, never for production.</summary>
    public bool Enabled { get; private set; } = true;

    public string? RedisUrl { get; private set; }

    public RateLimitPolicy Default { get; private set; } = new("default", DefaultPermitsPerSecond, DefaultBurst, DefaultQueueLimit, TimeSpan.FromMilliseconds(DefaultMaxQueueWaitMs));

    public RateLimitPolicy Anonymous { get; private set; } = new("anonymous", DefaultPermitsPerSecond, DefaultBurst, DefaultQueueLimit, TimeSpan.FromMilliseconds(DefaultMaxQueueWaitMs));

    public IReadOnlyDictionary<string, RateLimitPolicy> Brands { get; private set; } = new Dictionary<string, RateLimitPolicy>();

    protected override void Load(IConfiguration config)
    {
        var enabled = config["RateLimits:Enabled"];
        if (string.IsNullOrWhiteSpace(enabled)) Enabled = true;
        else if (bool.TryParse(enabled, out var on)) Enabled = on;
        else Unreadable($"RateLimits:Enabled: '{enabled}' is not a valid boolean (true or false).");

        RedisUrl = Text(config, RedisUrlSetting);
        if (RedisUrl is not null)
        {
            try
            {
                RedisRateLimiter.Options(RedisUrl);
            }
            catch (ArgumentException e)
            {
                Unreadable($"{RedisUrlSetting} is not a redis:// URL or StackExchange.Redis configuration string ({e.Message.Split('\n')[0].TrimEnd('.')}).");
            }
        }

        Default = Read("default", config.GetSection("RateLimits:Default"), null) ?? Default;
        Anonymous = Read("anonymous", config.GetSection("RateLimits:Anonymous"), Default) ?? Anonymous;
        var brands = new Dictionary<string, RateLimitPolicy>(StringComparer.Ordinal);
        foreach (var brand in config.GetSection("RateLimits:Brands").GetChildren())
        {
            if (Read("partner", brand, Default) is { } policy) brands[brand.Key] = policy;
        }
        Brands = brands;
    }

    private RateLimitPolicy? Read(string name, IConfigurationSection section, RateLimitPolicy? fallback)
    {
        var problems = 0;
        double? Number(string field)
        {
            var value = section[field];
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)) return number;
            Unreadable($"RateLimits ({section.Path}:{field}): \"{value}\" is not a number.");
            problems++;
            return null;
        }
        var rate = Number("PermitsPerSecond") ?? fallback?.PermitsPerSecond ?? DefaultPermitsPerSecond;
        var burst = (int?)Number("Burst") ?? fallback?.Burst ?? DefaultBurst;
        var queue = (int?)Number("QueueLimit") ?? fallback?.QueueLimit ?? DefaultQueueLimit;
        var waitMs = Number("MaxQueueWaitMs") ?? fallback?.MaxQueueWait.TotalMilliseconds ?? DefaultMaxQueueWaitMs;
        if (problems > 0) return null;
        if (rate <= 0 || burst < 1 || queue < 0 || waitMs < 0)
        {
            Unreadable($"RateLimits ({section.Path}): PermitsPerSecond must be > 0, Burst >= 1, QueueLimit and MaxQueueWaitMs >= 0.");
            return null;
        }
        return new RateLimitPolicy(name, rate, burst, queue, TimeSpan.FromMilliseconds(waitMs));
    }
}
