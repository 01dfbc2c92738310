using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Repurch.Api.Features.Usage;
using Repurch.Api.Observability;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Observability;

/// <summary><c>GET /v1/partner/usage</c>: per brand and plane, from the batched <c>request_usage</c> table.</summary>
public sealed class UsageTests : ApiTest
{
    private UsageRecorder Recorder => Api.Services.GetRequiredService<UsageRecorder>();

    /// <summary>
    /// The report for <paramref name="key"/>, once the database holds <paramref name="requests"/> requests of
    /// <paramref name="brandId"/> on <paramref name="plane"/>. The telemetry middleware records a request after its
    /// response has gone out, so under a loaded full run (thread-pool starvation) the client can be here well
    /// before its last requests are counted: flush until they are, rather than guessing a delay.
    /// </summary>
    private async Task<JsonElement> UsageAsync(string key, string brandId, Plane plane, long requests)
    {
        var planes = Api.Services.GetRequiredService<DataPlanes>();
        for (var waited = 0; ; waited += 100)
        {
            await Recorder.FlushAsync();
            await using var db = planes.Open(plane, brandId);
            var stored = await db.RequestUsage.SumAsync(u => (long)u.Requests);
            if (stored >= requests || waited >= 15_000) break;
            await Task.Delay(100);
        }
        var response = await Api.ClientWith(key).GetAsync("/v1/partner/usage");
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static JsonElement Route(JsonElement usage, string route) =>
        usage.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("route").GetString() == route).GetProperty("stats");

    [Fact]
    public async Task Counts_requests_errors_and_p95_for_the_calling_brand()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/listings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1/listings/999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/v1/listings", "{not json")).StatusCode);
        // A 5xx cannot be provoked over HTTP; the recorder takes it like any other answer.
        Api.Services.GetRequiredService<UsageRecorder>().Record(Plane.Live, brand.Id, "GET /v1/listings", 503, 7000);

        var usage = await UsageAsync(brand.AdminKey, brand.Id, Plane.Live, 6);

        Assert.Equal(brand.Id, usage.GetProperty("brand_id").GetString());
        Assert.Equal("live", usage.GetProperty("environment").GetString());
        var totals = usage.GetProperty("totals");
        Assert.Equal(6, totals.GetProperty("requests").GetInt64());
        Assert.Equal(2, totals.GetProperty("errors_4xx").GetInt64());
        Assert.Equal(1, totals.GetProperty("errors_5xx").GetInt64());
        Assert.Equal(0.5, totals.GetProperty("error_rate").GetDouble());
        Assert.Equal(0.3333, totals.GetProperty("error_rate_4xx").GetDouble());
        Assert.Equal(0.1667, totals.GetProperty("error_rate_5xx").GetDouble());
        // The 95th percentile of six is the slowest: the 7 s one, in the 5000–10000 ms bucket.
        Assert.InRange(totals.GetProperty("p95_latency_ms").GetDouble(), 5000, 10000);

        var hours = usage.GetProperty("hours").EnumerateArray().ToList();
        Assert.Equal(24, hours.Count);
        Assert.Equal(6, hours.Sum(h => h.GetProperty("stats").GetProperty("requests").GetInt64()));
        Assert.Equal(6, hours[^1].GetProperty("stats").GetProperty("requests").GetInt64() + hours[^2].GetProperty("stats").GetProperty("requests").GetInt64());
        Assert.True(hours[0].GetProperty("stats").GetProperty("p95_latency_ms").ValueKind == JsonValueKind.Null);

        var list = Route(usage, "GET /v1/listings");
        Assert.Equal(4, list.GetProperty("requests").GetInt64());
        Assert.Equal(1, list.GetProperty("errors_5xx").GetInt64());
        Assert.Equal(1, Route(usage, "GET /v1/listings/{id:long}").GetProperty("errors_4xx").GetInt64());
        Assert.Equal(1, Route(usage, "POST /v1/listings").GetProperty("errors_4xx").GetInt64());
        Assert.Equal(UsageRecorder.BucketBoundsMs, usage.GetProperty("latency_buckets_ms").EnumerateArray().Select(b => b.GetDouble()));

        // The report itself counts, from the next flush on; other routes' numbers stay.
        var again = await UsageAsync(brand.AdminKey, brand.Id, Plane.Live, 7);
        Assert.Equal(7, again.GetProperty("totals").GetProperty("requests").GetInt64());
        Assert.Equal(1, Route(again, "GET /v1/partner/usage").GetProperty("requests").GetInt64());
    }

    [Fact]
    public async Task A_brand_sees_only_its_own_numbers_and_sandbox_is_separate_from_live()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        for (var i = 0; i < 4; i++) await Api.ClientWith(a.AdminKey).GetAsync("/v1/listings");
        await Api.ClientWith(b.AdminKey).GetAsync("/v1/listings");
        for (var i = 0; i < 2; i++) await Api.ClientWith(a.SandboxAdminKey).GetAsync("/v1/listings/424242");

        var live = await UsageAsync(a.AdminKey, a.Id, Plane.Live, 4);
        Assert.Equal(4, live.GetProperty("totals").GetProperty("requests").GetInt64());
        Assert.Equal(0, live.GetProperty("totals").GetProperty("errors_4xx").GetInt64());

        var sandbox = await UsageAsync(a.SandboxAdminKey, a.Id, Plane.Sandbox, 2);
        Assert.Equal("test", sandbox.GetProperty("environment").GetString());
        Assert.Equal(2, sandbox.GetProperty("totals").GetProperty("requests").GetInt64());
        Assert.Equal(2, sandbox.GetProperty("totals").GetProperty("errors_4xx").GetInt64());
        Assert.Equal(1.0, sandbox.GetProperty("totals").GetProperty("error_rate").GetDouble());

        var other = await UsageAsync(b.AdminKey, b.Id, Plane.Live, 1);
        Assert.Equal(b.Id, other.GetProperty("brand_id").GetString());
        Assert.Equal(1, other.GetProperty("totals").GetProperty("requests").GetInt64());
        Assert.Single(other.GetProperty("routes").EnumerateArray());

        // A brand with no traffic on a plane: zeros, no percentile.
        var fresh = await NewBrandAsync();
        var empty = await UsageAsync(fresh.SandboxAdminKey, fresh.Id, Plane.Sandbox, 0);
        Assert.Equal(0, empty.GetProperty("totals").GetProperty("requests").GetInt64());
        Assert.Equal(0, empty.GetProperty("totals").GetProperty("error_rate").GetDouble());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("totals").GetProperty("p95_latency_ms").ValueKind);
        Assert.Empty(empty.GetProperty("routes").EnumerateArray());
    }

    [Fact]
    public async Task Counts_from_several_nodes_add_up_in_the_database()
    {
        var brand = await NewBrandAsync();
        await using var node1 = new ObsNode();
        await using var node2 = new ObsNode();
        for (var i = 0; i < 3; i++) await node1.Client(brand.AdminKey).GetAsync("/v1/listings");
        for (var i = 0; i < 2; i++) await node2.Client(brand.AdminKey).GetAsync("/v1/listings");
        await Task.WhenAll(node1.Usage.FlushAsync(), node2.Usage.FlushAsync());
        // The same node flushing again adds only what is new.
        await node1.Usage.FlushAsync();

        var usage = await UsageAsync(brand.AdminKey, brand.Id, Plane.Live, 5);
        Assert.Equal(5, Route(usage, "GET /v1/listings").GetProperty("requests").GetInt64());

        // A node that stops writes what it still holds.
        var node3 = new ObsNode();
        await node3.Client(brand.AdminKey).GetAsync("/v1/listings");
        await node3.DisposeAsync();
        Assert.Equal(6, Route(await UsageAsync(brand.AdminKey, brand.Id, Plane.Live, 7), "GET /v1/listings").GetProperty("requests").GetInt64());
    }

    [Fact]
    public async Task A_flush_that_fails_keeps_its_counts_for_the_next_one()
    {
        var brand = await NewBrandAsync();
        await using (var broken = new ObsNode(new Dictionary<string, string>
        {
            ["REPURCH_DATABASE_URL"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=x;Password=x;Timeout=2",
        }))
        {
            broken.Usage.Record(Plane.Live, brand.Id, "GET /v1/listings", 200, 3);
            await broken.Usage.FlushAsync();
            await broken.Usage.FlushAsync();
        }
        // Nothing reached the database; the shared node's counts are unaffected.
        var usage = await UsageAsync(brand.AdminKey, brand.Id, Plane.Live, 0);
        Assert.Equal(0, usage.GetProperty("totals").GetProperty("requests").GetInt64());

        await using var node = new ObsNode();
        node.Usage.Record(Plane.Live, brand.Id, "GET /v1/listings", 200, 3);
        await node.Usage.FlushAsync();
        Assert.Equal(1, Route(await UsageAsync(brand.AdminKey, brand.Id, Plane.Live, 2), "GET /v1/listings").GetProperty("requests").GetInt64());
    }

    [Fact]
    public async Task Needs_a_partner_admin_key_with_read_scope()
    {
        var brand = await NewBrandAsync();
        await (await Api.ClientWith(null).GetAsync("/v1/partner/usage")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith("re_pk_live_" + new string('x', 32)).GetAsync("/v1/partner/usage")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Api.ClientWith("not-a-token").GetAsync("/v1/partner/usage")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Api.ClientWith(brand.MemberKey).GetAsync("/v1/partner/usage")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.WriteOnlyKey).GetAsync("/v1/partner/usage")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(brand.ReadOnlyKey).GetAsync("/v1/partner/usage")).StatusCode);
        await (await Api.ClientWith(brand.AdminKey).PostAsync("/v1/partner/usage", null)).AssertErrorAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");

        // The rejected requests of this brand count as its 4xx (the 401s cannot: no brand is known).
        var usage = await UsageAsync(brand.AdminKey, brand.Id, Plane.Live, 4);
        Assert.Equal(4, usage.GetProperty("totals").GetProperty("requests").GetInt64());
        Assert.Equal(3, usage.GetProperty("totals").GetProperty("errors_4xx").GetInt64());
    }

    [Theory]
    [InlineData(new long[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, null)]
    [InlineData(new long[] { 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 4.8)]
    [InlineData(new long[] { 0, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0 }, 97.5)]
    [InlineData(new long[] { 90, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0 }, 175.0)]
    [InlineData(new long[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3 }, 10000.0)]
    public void P95_is_interpolated_within_the_bucket(long[] buckets, double? expected)
    {
        Assert.Equal(expected, UsageReports.Percentile(buckets, 0.95));
    }

    [Theory]
    [InlineData(0.3, 0)]
    [InlineData(5, 0)]
    [InlineData(5.01, 1)]
    [InlineData(99, 4)]
    [InlineData(10000, 10)]
    [InlineData(60000, 11)]
    public void Latencies_fall_in_fixed_buckets(double ms, int bucket) => Assert.Equal(bucket, UsageRecorder.BucketOf(ms));
}
