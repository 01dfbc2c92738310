using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Repurch.Api.Features.Usage;

public sealed record UsageStats(
    [property: Description("Requests answered.")] long Requests,
    [property: JsonPropertyName("errors_4xx"), Description("Requests answered 400-499 (rate-limited and forbidden ones included).")] long Errors4xx,
    [property: JsonPropertyName("errors_5xx"), Description("Requests answered 500 or above.")] long Errors5xx,
    [property: Description("(errors_4xx + errors_5xx) / requests, 0 to 1, four decimals; 0 without requests.")] double ErrorRate,
    [property: JsonPropertyName("error_rate_4xx"), Description("errors_4xx / requests.")] double ErrorRate4xx,
    [property: JsonPropertyName("error_rate_5xx"), Description("errors_5xx / requests.")] double ErrorRate5xx,
    [property: JsonPropertyName("p95_latency_ms"), Description("95th-percentile time inside the API, in ms, interpolated within its latency bucket; null without requests.")] double? P95LatencyMs);

public sealed record UsageHour(
    [property: Description("Start of the UTC hour.")] string Hour,
    UsageStats Stats);

public sealed record UsageRoute(
    [property: Description("Method and route pattern, e.g. `GET /v1/listings/{id:long}`; `unmatched` for URLs no route serves.")] string Route,
    UsageStats Stats);

public sealed record UsageReport(
    string BrandId,
    [property: Description("`live` or `test` (sandbox): the caller's environment; each has its own numbers.")] string Environment,
    [property: Description("Start of the window: the UTC hour 23 hours before the current one.")] string From,
    [property: Description("Now.")] string To,
    UsageStats Totals,
    [property: Description("The 24 hours of the window, oldest first, zeros included.")] IReadOnlyList<UsageHour> Hours,
    [property: Description("Per route, busiest first.")] IReadOnlyList<UsageRoute> Routes,
    [property: JsonPropertyName("latency_buckets_ms"), Description("Upper bounds of the latency buckets p95 is computed from; one more bucket holds everything slower.")] IReadOnlyList<double> LatencyBucketsMs);
