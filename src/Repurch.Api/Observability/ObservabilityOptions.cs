using System.Net;
using Repurch.Api.Configuration;

namespace Repurch.Api.Observability;

/// <summary>
/// Observability settings: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and <c>OTEL_SERVICE_NAME</c>,
/// <c>REPURCH_METRICS_ALLOW</c>, <c>Usage:FlushIntervalMs</c> and <c>Logging:Console:FormatterName</c>.
/// </summary>
public sealed class ObservabilityOptions : BoundOptions
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameSetting = "OTEL_SERVICE_NAME";
    public const string MetricsAllowSetting = "REPURCH_METRICS_ALLOW";
    public const string FlushIntervalSetting = "Usage:FlushIntervalMs";

    /// <summary>Also export traces and metrics over OTLP when set (the exporter reads the standard <c>OTEL_EXPORTER_OTLP_*</c> variables itself).</summary>
    public string? OtlpEndpoint { get; private set; }

    public string ServiceName { get; private set; } = "repurch-api";

    /// <summary>Who may read <c>/metrics</c>; empty: anyone.</summary>
    public IReadOnlyList<IPNetwork> MetricsAllow { get; private set; } = [];

    /// <summary>How often each node writes its usage counts (at least every 100 ms).</summary>
    public int UsageFlushIntervalMs { get; private set; } = 5000;

    /// <summary>The console formatter named in configuration; null: the JSON one.</summary>
    public string? ConsoleFormatterName { get; private set; }

    protected override void Load(IConfiguration config)
    {
        OtlpEndpoint = Text(config, OtlpEndpointSetting);
        ServiceName = Text(config, ServiceNameSetting) ?? "repurch-api";
        ConsoleFormatterName = Text(config, "Logging:Console:FormatterName");
        try
        {
            MetricsAllow = ObservabilitySetup.ParseAllowList(config[MetricsAllowSetting]);
        }
        catch (Persistence.StartupException e)
        {
            Unreadable(e.Message);
        }
        if (Text(config, FlushIntervalSetting) is { } flush)
        {
            if (int.TryParse(flush, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var ms)) UsageFlushIntervalMs = ms;
            else Unreadable($"{FlushIntervalSetting}: '{flush}' is not a valid whole number.");
        }
    }

    protected override IEnumerable<string> Check()
    {
        if (NotHttpUrl(OtlpEndpointSetting, OtlpEndpoint) is { } badEndpoint) yield return badEndpoint;
        if (UsageFlushIntervalMs < 1) yield return $"{FlushIntervalSetting}: {UsageFlushIntervalMs} must be at least 1.";
    }
}
