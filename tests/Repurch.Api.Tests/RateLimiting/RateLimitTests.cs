using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Repurch.Api.Persistence;
using Repurch.Api.RateLimiting;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.RateLimiting;

public sealed class RateLimitTests : ApiTest
{
    [Fact]
    public async Task Every_response_carries_the_draft_headers_and_exempt_paths_none()
    {
        var brand = await NewBrandAsync();
        var ok = await Api.ClientWith(brand.AdminKey).GetAsync("/v1/listings");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("\"default\";q=200;w=4", ok.Header("RateLimit-Policy"));
        Assert.Matches("^\"default\";r=[0-9]+;t=[0-9]+$", ok.Header("RateLimit"));

        var anonymous = await Api.ClientWith(null).GetAsync("/v1/listings");
        await anonymous.AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        Assert.Equal("\"anonymous\";q=200;w=4", anonymous.Header("RateLimit-Policy"));
        Assert.Matches("^\"anonymous\";r=[0-9]+;t=[0-9]+$", anonymous.Header("RateLimit"));

        foreach (var path in new[] { "/healthz", "/openapi/v1.json" })
        {
            var exempt = await Api.ClientWith(null).GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, exempt.StatusCode);
            Assert.False(exempt.Headers.Contains("RateLimit"), path);
        }
    }

    [Fact]
    public async Task A_flooded_partner_gets_429_while_another_partner_is_served_at_normal_speed()
    {
        var flooded = await NewBrandAsync();
        var other = await NewBrandAsync();
        await using var node = await new Node(Node.BrandLimit(flooded.Id, permitsPerSecond: 1, burst: 5, queueLimit: 2)).StartAsync();
        var floodClient = node.Client(flooded.AdminKey);
        var otherClient = node.Client(other.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync("/v1/listings")).StatusCode);

        var flood = Task.WhenAll(Enumerable.Range(0, 60).Select(_ => floodClient.GetAsync("/v1/listings")));
        var latencies = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await otherClient.GetAsync("/v1/listings");
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("\"default\";q=200;w=4", response.Header("RateLimit-Policy"));
        }
        var responses = await flood;

        var succeeded = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(60, succeeded + limited.Count);
        // The burst, the short queue and what refills (1/s) while the flood lasts.
        Assert.InRange(succeeded, 5, 15);
        foreach (var response in limited) await response.AssertRateLimitedAsync("partner", burst: 5, window: 5);
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
            Assert.Equal("\"partner\";q=5;w=5", response.Header("RateLimit-Policy"));

        latencies.Sort();
        var p95 = latencies[(int)Math.Ceiling(latencies.Count * 0.95) - 1];
        Assert.True(p95 < 3000, $"p95 of the other partner's requests was {p95:F0} ms while the first was flooded");
    }

    [Fact]
    public async Task Live_and_sandbox_of_one_brand_have_separate_buckets()
    {
        var brand = await NewBrandAsync();
        await using var node = await new Node(Node.BrandLimit(brand.Id, permitsPerSecond: 0.1, burst: 3)).StartAsync();
        foreach (var key in new[] { brand.AdminKey, brand.SandboxAdminKey })
        {
            var client = node.Client(key);
            for (var i = 0; i < 3; i++)
            {
                var ok = await client.GetAsync("/v1/listings");
                Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
                Assert.Equal($"\"partner\";q=3;w=30", ok.Header("RateLimit-Policy"));
                Assert.Matches($"^\"partner\";r={2 - i};t=[0-9]+$", ok.Header("RateLimit"));
            }
            await (await client.GetAsync("/v1/listings")).AssertRateLimitedAsync("partner", burst: 3, window: 30);
        }
    }

    [Fact]
    public async Task A_short_queue_smooths_a_small_burst_instead_of_refusing_it()
    {
        var brand = await NewBrandAsync();
        await using var node = await new Node(Node.BrandLimit(brand.Id, permitsPerSecond: 10, burst: 1, queueLimit: 5)).StartAsync();
        var client = node.Client(brand.AdminKey);
        var watch = Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.GetAsync("/v1/listings")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // Three of them waited for tokens at 10/s.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(200), $"took {watch.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Unauthenticated_requests_are_limited_per_address_without_touching_partners()
    {
        var brand = await NewBrandAsync();
        await using var node = await new Node(new Dictionary<string, string>
        {
            ["RateLimits:Anonymous:PermitsPerSecond"] = "0.1",
            ["RateLimits:Anonymous:Burst"] = "2",
            ["RateLimits:Anonymous:QueueLimit"] = "0",
        }).StartAsync();
        var anonymous = node.Client(null);
        await (await anonymous.GetAsync("/v1/listings")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await anonymous.GetAsync("/v1/listings")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await anonymous.GetAsync("/v1/listings")).AssertRateLimitedAsync("anonymous", burst: 2, window: 20);
        // An invalid bearer is no partner: it counts against the address too.
        await (await node.Client("re_pk_live_nope").GetAsync("/v1/listings")).AssertRateLimitedAsync("anonymous", burst: 2, window: 20);

        Assert.Equal(HttpStatusCode.OK, (await node.Client(brand.AdminKey).GetAsync("/v1/listings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
    }

    [Theory]
    [InlineData("RateLimits:Default:Burst", "0")]
    [InlineData("RateLimits:Anonymous:PermitsPerSecond", "fast")]
    [InlineData("RateLimits:Brands:some-brand:QueueLimit", "-1")]
    public void A_bad_limit_setting_is_refused_when_the_node_starts(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        var error = Assert.Throws<StartupException>(() => new RateLimitPolicies(configuration));
        Assert.Contains(key[..key.LastIndexOf(':')], error.Message);
    }

    [Fact]
    public void Brand_overrides_take_the_defaults_for_what_they_leave_out()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("RateLimits:Default:PermitsPerSecond", "20"),
            new("RateLimits:Default:Burst", "100"),
            new("RateLimits:Brands:dfs:Burst", "500"),
        ]).Build();
        var policies = new RateLimitPolicies(configuration);
        Assert.Equal(new RateLimitPolicy("default", 20, 100, 100, TimeSpan.FromSeconds(1)), policies.ForBrand("other"));
        Assert.Equal(new RateLimitPolicy("partner", 20, 500, 100, TimeSpan.FromSeconds(1)), policies.ForBrand("dfs"));
        Assert.Equal(new RateLimitPolicy("anonymous", 20, 100, 100, TimeSpan.FromSeconds(1)), policies.Anonymous);
        Assert.Equal(25, policies.ForBrand("dfs").WindowSeconds);
    }
}
