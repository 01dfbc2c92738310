using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.Observability;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Usage;

/// <summary><c>GET /v1/partner/usage</c>: the calling partner's own traffic over the last 24 hours, from <c>request_usage</c>.</summary>
public static class UsageEndpoints
{
    public const int Hours = 24;

    public static IEndpointRouteBuilder MapUsage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/partner/usage", Get).WithTags("Usage").RequireAuthorization(Policies.PartnerRead)
            .WithName("GetUsage").WithSummary("Your API usage over the last 24 hours")
            .WithDescription(
                "The calling brand's own requests on this environment (a live key sees live traffic, a sandbox key sandbox traffic) in the current UTC hour " +
                "and the 23 before it: request count, `4xx` and `5xx` errors and their rates (errors / requests), and the 95th-percentile latency, in total, " +
                "per hour (all 24, oldest first, zeros included) and per route (`METHOD /pattern`, busiest first). Every authenticated request counts, " +
                "rejected ones (`401` excepted: the brand is not known yet) included. Nodes write their counts every few seconds, so the newest requests " +
                "may take that long to appear. Latency is measured inside the API and kept in fixed buckets (upper bounds in `latency_buckets_ms`, plus one " +
                "open bucket above the last): `p95_latency_ms` is interpolated within the bucket that holds the 95th percentile, so it is exact to that " +
                "bucket's width, and above the last bound it reports the last bound. `null` when there were no requests.")
            .Errors(CommonErrors.Auth);
        return app;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<UsageReport>> Get(HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var now = clock.GetUtcNow();
        var to = UsageRecorder.HourOf(now);
        var from = to.AddHours(-(Hours - 1));
        var rows = await db.RequestUsage.Where(u => u.Hour >= from && u.Hour <= to).ToListAsync(ct);

        var hours = Enumerable.Range(0, Hours).Select(i => from.AddHours(i))
            .Select(h => new UsageHour(WireFormat.Timestamp(h), Stats(rows.Where(r => r.Hour == h))))
            .ToList();
        var routes = rows.GroupBy(r => r.Route, StringComparer.Ordinal)
            .Select(g => new UsageRoute(g.Key, Stats(g)))
            .OrderByDescending(r => r.Stats.Requests).ThenBy(r => r.Route, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new UsageReport(caller.BrandId, caller.Environment, WireFormat.Timestamp(from), WireFormat.Timestamp(now),
            Stats(rows), hours, routes, UsageRecorder.BucketBoundsMs));
    }

    public static UsageStats Stats(IEnumerable<RequestUsage> rows)
    {
        long requests = 0, e4 = 0, e5 = 0;
        var buckets = new long[UsageRecorder.BucketCount];
        foreach (var r in rows)
        {
            requests += r.Requests;
            e4 += r.Errors4xx;
            e5 += r.Errors5xx;
            for (var i = 0; i < Math.Min(buckets.Length, r.LatencyBuckets.Length); i++) buckets[i] += r.LatencyBuckets[i];
        }
        return new UsageStats(requests, e4, e5, Rate(e4 + e5, requests), Rate(e4, requests), Rate(e5, requests), Percentile(buckets, 0.95));
    }

    private static double Rate(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    /// <summary>The <paramref name="q"/> quantile from bucket counts, interpolated linearly inside its bucket.</summary>
    public static double? Percentile(long[] buckets, double q)
    {
        var total = buckets.Sum();
        if (total == 0) return null;
        var rank = Math.Ceiling(q * total);
        long seen = 0;
        var bounds = UsageRecorder.BucketBoundsMs;
        for (var i = 0; i < buckets.Length; i++)
        {
            if (buckets[i] == 0) continue;
            if (seen + buckets[i] >= rank)
            {
                if (i >= bounds.Length) return bounds[^1];
                var lower = i == 0 ? 0 : bounds[i - 1];
                return Math.Round(lower + (bounds[i] - lower) * ((rank - seen) / buckets[i]), 1);
            }
            seen += buckets[i];
        }
        return bounds[^1];
    }
}
