namespace Repurch.Api.Persistence;

/// <summary>
/// One brand's requests to one route in one UTC hour, on this plane (the plane is the database).
/// Written in batches by <c>Observability.UsageRecorder</c>; read by <c>GET /v1/partner/usage</c>.
/// </summary>
public sealed class RequestUsage
{
    public string BrandId { get; set; } = "";
    /// <summary>Start of the UTC hour.</summary>
    public DateTimeOffset Hour { get; set; }
    /// <summary>Method and route pattern, e.g. <c>GET /v1/listings/{id}</c>; never the raw path.</summary>
    public string Route { get; set; } = "";
    public long Requests { get; set; }
    public long Errors4xx { get; set; }
    public long Errors5xx { get; set; }
    /// <summary>Request counts per latency bucket; upper bounds in <c>UsageRecorder.BucketBoundsMs</c>, the last one open.</summary>
    public long[] LatencyBuckets { get; set; } = [];
}
