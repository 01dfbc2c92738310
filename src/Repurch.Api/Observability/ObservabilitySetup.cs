using System.Net;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Repurch.Api.Configuration;
using Repurch.Api.Errors;

namespace Repurch.Api.Observability;

/// <summary>
/// Traces and metrics (OpenTelemetry, scraped at <c>/metrics</c>; OTLP too when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), JSON console logs, and the usage recorder.
/// </summary>
public static class ObservabilitySetup
{
    /// <summary>Time series kept per request/webhook/rate-limit instrument (brand x plane x route x status...).</summary>
    public const int MetricSeriesPerInstrument = 50_000;

    public const string MetricsPath = "/metrics";

    /// <summary>Logs, traces, metrics and the usage recorder, from <see cref="ObservabilityOptions"/> (checked at startup).</summary>
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration config)
    {
        services.AddBoundOptions<ObservabilityOptions>();
        // Which exporters to add is decided now; a wrong value is reported by the startup check with the rest.
        var settings = new ObservabilityOptions();
        settings.Read(config);

        services.AddLogging(logging =>
        {
            logging.AddConsoleFormatter<JsonLogFormatter, ConsoleFormatterOptions>();
            // Hosting's own request lines carry the full URL, query string included; ours carry the route only.
            logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        });
        services.Configure<ConsoleLoggerOptions>(o =>
        {
            // JSON unless the configuration names another formatter (Logging:Console:FormatterName=simple).
            if (settings.ConsoleFormatterName is null) o.FormatterName = JsonLogFormatter.FormatterName;
        });

        services.AddSingleton<UsageRecorder>();
        services.AddHostedService<UsageFlusher>();

        var otlp = settings.OtlpEndpoint is not null;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(settings.ServiceName))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => !RequestTelemetryMiddleware.IsUntracked(http.Request.Path);
                    // Spans name the route, never the query string (it may carry a secret).
                    o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                }).AddNpgsql();
                if (otlp) t.AddOtlpExporter();
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    // Series are per brand: the SDK's default of 2,000 per metric would fold brands past the
                    // first few hundred route/status combinations into an overflow series.
                    .AddView(i => i.Meter.Name is "Microsoft.AspNetCore.Hosting" || i.Meter.Name == RepurchMetrics.MeterName
                        ? new MetricStreamConfiguration { CardinalityLimit = MetricSeriesPerInstrument }
                        : null)
                    .AddRuntimeInstrumentation()
                    .AddMeter(RepurchMetrics.MeterName, "Npgsql")
                    .AddPrometheusExporter();
                if (otlp) m.AddOtlpExporter();
            });
        return services;
    }

    /// <summary>
    /// <c>GET /metrics</c> in the Prometheus text format. Open to any address unless
    /// <c>REPURCH_METRICS_ALLOW</c> lists addresses or CIDR ranges (e.g. <c>127.0.0.1,10.0.0.0/8</c>);
    /// others get 404 as if it did not exist.
    /// </summary>
    public static void MapMetrics(this WebApplication app)
    {
        var allowed = app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value.MetricsAllow;
        if (allowed.Count > 0)
        {
            app.Use(async (http, next) =>
            {
                if (http.Request.Path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase)
                    && !IsAllowed(http.Connection.RemoteIpAddress, allowed))
                {
                    await CommonErrors.NotFound.Result().ExecuteAsync(http);
                    return;
                }
                await next(http);
            });
        }
        app.MapPrometheusScrapingEndpoint(MetricsPath);
    }

    public static IReadOnlyList<IPNetwork> ParseAllowList(string? value)
    {
        var list = new List<IPNetwork>();
        foreach (var item in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(item, out var network)) list.Add(network);
            else if (IPAddress.TryParse(item, out var address)) list.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            else throw new Persistence.StartupException($"REPURCH_METRICS_ALLOW: '{item}' is not an IP address or CIDR range.");
        }
        return list;
    }

    public static bool IsAllowed(IPAddress? remote, IReadOnlyList<IPNetwork> allowed)
    {
        if (remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return allowed.Any(n => n.Contains(remote));
    }
}
