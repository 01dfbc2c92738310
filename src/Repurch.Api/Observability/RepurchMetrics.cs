using System.Diagnostics;
using System.Diagnostics.Metrics;
using Repurch.Api.Persistence;

namespace Repurch.Api.Observability;

/// <summary>
/// The API's own instruments (meter <see cref="MeterName"/>), exported at <c>/metrics</c> and over OTLP.
/// Request rate, errors and latency come from ASP.NET Core's <c>http.server.request.duration</c>,
/// which <see cref="RequestTelemetryMiddleware"/> tags with <c>brand_id</c> and <c>plane</c>.
/// Every method here is cheap and thread-safe; call it from anywhere.
/// </summary>
public static class RepurchMetrics
{
    public const string MeterName = "Repurch.Api";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> RateLimitRejections = Meter.CreateCounter<long>(
        "repurch.rate_limit.rejections", "{request}", "Requests answered 429 rate_limited, per partner (brand and plane) or for anonymous callers.");

    private static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "repurch.webhook.deliveries", "{delivery}", "Webhook delivery attempts by outcome.");

    private static readonly Histogram<double> WebhookDeliveryDuration = Meter.CreateHistogram<double>(
        "repurch.webhook.delivery.duration", "s", "Time from sending a webhook to its receiver's answer (or failure).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    /// <summary>Outcome values for <see cref="WebhookDelivery"/>; other strings are accepted too.</summary>
    public static class WebhookOutcome
    {
        /// <summary>The receiver answered 2xx.</summary>
        public const string Delivered = "delivered";
        /// <summary>Non-2xx answer, timeout or network error; will be retried.</summary>
        public const string Failed = "failed";
        /// <summary>Refused before sending (e.g. the URL resolved to a forbidden address).</summary>
        public const string Blocked = "blocked";
        /// <summary>The last retry failed, or the endpoint was disabled: no more attempts.</summary>
        public const string GaveUp = "gave_up";
    }

    /// <summary>Counts a 429 answered by the rate limiter. <paramref name="brandId"/> is null for anonymous callers.</summary>
    public static void RateLimitRejected(string? brandId, Plane? plane, string policy)
    {
        var tags = new TagList
        {
            { "brand_id", brandId ?? "" },
            { "plane", plane is null ? "" : PlaneName(plane.Value) },
            { "policy", policy },
        };
        RateLimitRejections.Add(1, tags);
    }

    /// <summary>
    /// Records one webhook delivery attempt: <c>repurch.webhook.deliveries</c> (count) and
    /// <c>repurch.webhook.delivery.duration</c> (seconds), tagged brand_id, plane, outcome and, when
    /// given, the receiver's HTTP status code.
    /// </summary>
    public static void WebhookDelivery(string brandId, string outcome, double seconds, Plane plane = Plane.Live, int? statusCode = null)
    {
        var tags = new TagList
        {
            { "brand_id", brandId },
            { "plane", PlaneName(plane) },
            { "outcome", outcome },
        };
        if (statusCode is not null) tags.Add("http.response.status_code", statusCode.Value);
        WebhookDeliveries.Add(1, tags);
        WebhookDeliveryDuration.Record(seconds, tags);
    }

    public static string PlaneName(Plane plane) => plane == Plane.Sandbox ? "sandbox" : "live";
}
