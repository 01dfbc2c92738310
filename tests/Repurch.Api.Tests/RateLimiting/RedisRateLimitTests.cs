using System.Net;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.RateLimiting;

public sealed class RedisRateLimitTests(RedisServer redis) : ApiTest, IClassFixture<RedisServer>
{
    [Fact]
    public async Task Two_nodes_on_one_redis_share_the_partners_bucket()
    {
        var brand = await NewBrandAsync();
        var settings = Node.BrandLimit(brand.Id, permitsPerSecond: 0.1, burst: 5);
        settings["REPURCH_REDIS_URL"] = redis.Url;
        await using var first = await new Node(settings).StartAsync();
        await using var second = await new Node(settings).StartAsync();
        var clients = new[] { first.Client(brand.AdminKey), second.Client(brand.AdminKey) };

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 16; i++) responses.Add(await clients[i % 2].GetAsync("/v1/listings"));

        // Each node alone would allow 5: together they still allow 5 (plus at most one refilled token).
        var succeeded = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.InRange(succeeded, 5, 6);
        for (var n = 0; n < 2; n++)
        {
            var last = responses.Where((_, i) => i % 2 == n).Last();
            await last.AssertRateLimitedAsync("partner", burst: 5, window: 50);
        }
        var firstOk = responses[0];
        Assert.Equal("\"partner\";r=4;t=10", firstOk.Header("RateLimit"));

        // Sandbox is another bucket, shared too.
        var sandbox = await first.Client(brand.SandboxAdminKey).GetAsync("/v1/listings");
        Assert.Equal(HttpStatusCode.OK, sandbox.StatusCode);
    }

    [Fact]
    public async Task Two_nodes_on_one_redis_share_the_queue()
    {
        var brand = await NewBrandAsync();
        var settings = Node.BrandLimit(brand.Id, permitsPerSecond: 10, burst: 1, queueLimit: 4);
        settings["REPURCH_REDIS_URL"] = redis.Url;
        await using var first = await new Node(settings).StartAsync();
        await using var second = await new Node(settings).StartAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            (i % 2 == 0 ? first : second).Client(brand.AdminKey).GetAsync("/v1/listings")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task With_redis_unreachable_each_node_falls_back_to_its_own_limits()
    {
        var brand = await NewBrandAsync();
        var settings = Node.BrandLimit(brand.Id, permitsPerSecond: 0.1, burst: 3);
        settings["REPURCH_REDIS_URL"] = $"redis://127.0.0.1:{RedisServer.FreePort()}";
        var log = new WarningLog();
        await using var node = await new Node(settings, log.Attach).StartAsync();
        var client = node.Client(brand.AdminKey);
        for (var i = 0; i < 3; i++)
        {
            var ok = await client.GetAsync("/v1/listings");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Matches($"^\"partner\";r={2 - i};t=[0-9]+$", ok.Header("RateLimit"));
        }
        await (await client.GetAsync("/v1/listings")).AssertRateLimitedAsync("partner", burst: 3, window: 30);
        // One warning, not one per request.
        Assert.Single(log.Warnings, w => w.Contains("Redis rate limiting unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_redis_goes_away_nodes_keep_serving_at_normal_speed_on_their_own_limits()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var dying = new RedisServer();
        await dying.InitializeAsync();
        var settings = Node.BrandLimit(brand.Id, permitsPerSecond: 0.1, burst: 2);
        settings["REPURCH_REDIS_URL"] = dying.Url;
        await using var node = await new Node(settings).StartAsync();
        var client = node.Client(brand.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/listings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/listings")).StatusCode);
        await (await client.GetAsync("/v1/listings")).AssertRateLimitedAsync("partner", burst: 2, window: 20);

        await dying.DisposeAsync();
        // This node's own bucket for the brand is still full: it fails open, never 500.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await client.GetAsync("/v1/listings")).StatusCode);
        statuses.Add((await node.Client(other.AdminKey).GetAsync("/v1/listings")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"five requests without Redis took {watch.Elapsed.TotalMilliseconds:F0} ms");
    }
}
