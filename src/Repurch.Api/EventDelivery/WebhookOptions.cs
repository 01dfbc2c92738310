using Repurch.Api.Configuration;

namespace Repurch.Api.EventDelivery;

/// <summary>
/// Delivery settings; <c>Webhooks__…</c> in configuration, plus <c>REPURCH_WEBHOOK_ALLOW_HOSTS</c>.
/// The defaults are production's.
/// </summary>
public sealed class WebhookOptions : BoundOptions
{
    public const string AllowHostsSetting = "REPURCH_WEBHOOK_ALLOW_HOSTS";

    /// <summary>
    /// Hosts exempt from the SSRF checks, and the only ones that may use plain http
    /// (<c>REPURCH_WEBHOOK_ALLOW_HOSTS</c>, comma-separated). Not bound from <c>Webhooks:</c>.
    /// </summary>
    public string[] AllowHosts { get; private set; } = [];

    /// <summary>
    /// Waits before each retry after a failed attempt. The default spans about three days:
    /// 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 20 h (ten attempts in all).
    /// </summary>
    /// <remarks>Null means the default: configuration binding appends to a pre-filled array instead of replacing it.</remarks>
    public TimeSpan[]? RetrySchedule { get; set; }

    public TimeSpan[] Retries => RetrySchedule is { Length: > 0 } s ? s : DefaultRetries;

    private static readonly TimeSpan[] DefaultRetries =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(14), TimeSpan.FromHours(20), TimeSpan.FromHours(20),
    ];

    /// <summary>An endpoint whose attempts have all failed for this long is disabled (and the brand gets <c>webhook_endpoint.disabled</c>).</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long a receiver has to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the dispatcher looks for due retries when no notification wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed delivery stays invisible to other nodes while its attempt runs.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>After a rotation the previous secret keeps signing for this long, so receivers can switch over.</summary>
    public TimeSpan PreviousSecretLifetime { get; set; } = TimeSpan.FromHours(24);

    public int MaxEndpointsPerBrand { get; set; } = 20;

    /// <summary>Parallel attempts per node, across all brands.</summary>
    public int MaxConcurrentAttempts { get; set; } = 32;

    /// <summary>Set to false to run a node that serves the API but does not deliver.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    protected override void Load(IConfiguration config)
    {
        BindSection(config, "Webhooks");
        AllowHosts = (config[AllowHostsSetting] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    protected override IEnumerable<string> Check()
    {
        foreach (var (name, value) in new[] { ("Timeout", Timeout), ("PollInterval", PollInterval), ("Lease", Lease), ("DisableAfter", DisableAfter) })
        {
            if (value <= TimeSpan.Zero) yield return $"Webhooks:{name}: {value} must be a duration above zero.";
        }
        if (PreviousSecretLifetime < TimeSpan.Zero) yield return $"Webhooks:PreviousSecretLifetime: {PreviousSecretLifetime} must not be negative.";
        if (Retries.Any(r => r < TimeSpan.Zero)) yield return $"Webhooks:RetrySchedule: {Retries.First(r => r < TimeSpan.Zero)} must not be negative.";
        if (MaxEndpointsPerBrand < 1) yield return $"Webhooks:MaxEndpointsPerBrand: {MaxEndpointsPerBrand} must be at least 1.";
        if (MaxConcurrentAttempts < 1) yield return $"Webhooks:MaxConcurrentAttempts: {MaxConcurrentAttempts} must be at least 1.";
    }
}
