using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Http;
using Repurch.Api.Observability;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Usage;

/// <summary>The partner's usage report from <c>request_usage</c>, for REST and GraphQL alike.</summary>
public static class UsageReports
{
    public const int Hours = 24;

    /// <summary>The caller's last 24 hours on its own plane (the request's context is already the caller's brand and plane).</summary>
    public static async Task<UsageReport> BuildAsync(RepurchDb db, Caller caller, TimeProvider clock, CancellationToken ct)
    {
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
        return new UsageReport(caller.BrandId, caller.Environment, WireFormat.Timestamp(from), WireFormat.Timestamp(now),
            Stats(rows), hours, routes, UsageRecorder.BucketBoundsMs);
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
