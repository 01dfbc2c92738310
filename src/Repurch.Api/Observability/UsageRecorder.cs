using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Repurch.Api.Persistence;

namespace Repurch.Api.Observability;

/// <summary>
/// Per-partner request usage for <c>GET /v1/partner/usage</c>. Each request adds to an in-memory tally
/// (brand, plane, UTC hour, route) under a short lock; <see cref="UsageFlusher"/> writes the tallies to
/// <c>request_usage</c> every few seconds, one brand-scoped (RLS) transaction per brand and plane, adding
/// to what other nodes and earlier runs wrote. So a request costs no database write, and the numbers
/// survive restarts and add up across nodes. A failed flush keeps its tallies for the next one.
/// </summary>
public sealed class UsageRecorder(DataPlanes planes, TimeProvider clock, ILogger<UsageRecorder> log) : IDisposable
{
    /// <summary>Upper bounds (ms) of the latency buckets; one more bucket holds everything slower.</summary>
    public static readonly double[] BucketBoundsMs = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];
    public static int BucketCount => BucketBoundsMs.Length + 1;
    /// <summary>Hours kept in <c>request_usage</c>; the report reads the last 24.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(8);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private Dictionary<UsageKey, Tally> _pending = [];

    private readonly record struct UsageKey(Plane Plane, string BrandId, DateTimeOffset Hour, string Route);

    private sealed class Tally
    {
        public long Requests, Errors4xx, Errors5xx;
        public readonly long[] Latency = new long[BucketCount];

        public void Add(Tally other)
        {
            Requests += other.Requests;
            Errors4xx += other.Errors4xx;
            Errors5xx += other.Errors5xx;
            for (var i = 0; i < Latency.Length; i++) Latency[i] += other.Latency[i];
        }
    }

    public void Dispose() => _flushing.Dispose();

    public static int BucketOf(double ms)
    {
        var i = 0;
        while (i < BucketBoundsMs.Length && ms > BucketBoundsMs[i]) i++;
        return i;
    }

    public static DateTimeOffset HourOf(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    public void Record(Plane plane, string brandId, string route, int status, double elapsedMs)
    {
        var key = new UsageKey(plane, brandId, HourOf(clock.GetUtcNow()), route);
        var bucket = BucketOf(elapsedMs);
        lock (_gate)
        {
            if (!_pending.TryGetValue(key, out var tally)) _pending[key] = tally = new Tally();
            tally.Requests++;
            if (status is >= 400 and < 500) tally.Errors4xx++;
            else if (status >= 500) tally.Errors5xx++;
            tally.Latency[bucket]++;
        }
    }

    /// <summary>Writes everything recorded so far (tests call this instead of waiting for the timer).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            Dictionary<UsageKey, Tally> batch;
            lock (_gate)
            {
                if (_pending.Count == 0) return;
                batch = _pending;
                _pending = [];
            }
            foreach (var partner in batch.GroupBy(e => (e.Key.Plane, e.Key.BrandId)))
            {
                try
                {
                    await WriteAsync(partner.Key.Plane, partner.Key.BrandId, partner, ct);
                }
                catch (Npgsql.PostgresException e) when (e.SqlState.StartsWith("23", StringComparison.Ordinal))
                {
                    // A constraint says no (e.g. the brand is gone from this plane): retrying cannot help.
                    log.LogWarning(e, "Dropped request usage of brand {BrandId} ({Plane})", partner.Key.BrandId, RepurchMetrics.PlaneName(partner.Key.Plane));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Could not store request usage of brand {BrandId} ({Plane}); keeping it for the next flush",
                        partner.Key.BrandId, RepurchMetrics.PlaneName(partner.Key.Plane));
                    Restore(partner);
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    private void Restore(IEnumerable<KeyValuePair<UsageKey, Tally>> rows)
    {
        lock (_gate)
        {
            foreach (var (key, tally) in rows)
            {
                if (_pending.TryGetValue(key, out var current)) current.Add(tally);
                else _pending[key] = tally;
            }
        }
    }

    private async Task WriteAsync(Plane plane, string brandId, IEnumerable<KeyValuePair<UsageKey, Tally>> rows, CancellationToken ct)
    {
        await using var db = planes.Open(plane, brandId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (key, t) in rows.OrderBy(r => r.Key.Hour).ThenBy(r => r.Key.Route, StringComparer.Ordinal))
        {
            // Ordered keys, so two nodes flushing the same brand cannot deadlock.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO request_usage AS u (brand_id, hour, route, requests, errors_4xx, errors_5xx, latency_ms_buckets)
                VALUES ({brandId}, {key.Hour}, {key.Route}, {t.Requests}, {t.Errors4xx}, {t.Errors5xx}, {t.Latency})
                ON CONFLICT (brand_id, hour, route) DO UPDATE SET
                    requests = u.requests + EXCLUDED.requests,
                    errors_4xx = u.errors_4xx + EXCLUDED.errors_4xx,
                    errors_5xx = u.errors_5xx + EXCLUDED.errors_5xx,
                    latency_ms_buckets = ARRAY(
                        SELECT coalesce(a, 0) + coalesce(b, 0)
                        FROM unnest(u.latency_ms_buckets, EXCLUDED.latency_ms_buckets) WITH ORDINALITY AS x(a, b, n)
                        ORDER BY n)
                """, ct);
        }
        var cutoff = HourOf(clock.GetUtcNow()) - Retention;
        await db.Database.ExecuteSqlAsync($"DELETE FROM request_usage WHERE brand_id = {brandId} AND hour < {cutoff}", ct);
        await tx.CommitAsync(ct);
    }
}

/// <summary>Flushes <see cref="UsageRecorder"/> every <c>Usage:FlushIntervalMs</c> (default 5000) and once more on shutdown.</summary>
public sealed class UsageFlusher(UsageRecorder recorder, IOptions<ObservabilityOptions> options, ILogger<UsageFlusher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(100, options.Value.UsageFlushIntervalMs));
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        try
        {
            await recorder.FlushAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Request usage flush failed");
        }
    }
}
