using System.Net;
using Repurch.Api.Observability;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.RateLimiting;

namespace Repurch.Api.Tests.Observability;

public sealed class HealthAndMetricsTests : ApiTest
{
    [Fact]
    public async Task Healthz_and_readyz_answer_without_credentials_or_rate_limit_headers()
    {
        var health = await Api.ClientWith(null).GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", (await health.JsonAsync()).GetProperty("status").GetString());

        var ready = await Api.ClientWith(null).GetAsync("/readyz");
        var body = await ready.JsonAsync();
        Assert.True(ready.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("live").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("sandbox").GetString());
        Assert.False(ready.Headers.Contains("RateLimit"));
    }

    [Fact]
    public async Task Readyz_is_503_naming_the_database_that_does_not_answer()
    {
        await using var node = new ObsNode(new Dictionary<string, string>
        {
            ["REPURCH_SANDBOX_DATABASE_URL"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=x;Password=x;Timeout=2",
        });
        var ready = await node.Client(null).GetAsync("/readyz");
        var body = await ready.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "not_ready");
        Assert.Equal(["sandbox_database_unavailable"], body.ErrorCodes());
        // Still alive: only readiness fails.
        Assert.Equal(HttpStatusCode.OK, (await node.Client(null).GetAsync("/healthz")).StatusCode);
    }

    private static async Task<string> ScrapeUntilAsync(HttpClient client, Func<string, bool> done)
    {
        var text = "";
        for (var i = 0; i < 40; i++)
        {
            var response = await client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("RateLimit"));
            text = await response.Content.ReadAsStringAsync();
            if (done(text)) return text;
            await Task.Delay(100);
        }
        return text;
    }

    private static bool HasLine(string text, string metric, params string[] parts) =>
        text.Split('\n').Any(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && parts.All(p => l.Contains(p, StringComparison.Ordinal)));

    /// <summary>A sample of <paramref name="metric"/> with all <paramref name="parts"/> among its labels and exactly this value.</summary>
    private static bool HasSample(string text, string metric, string value, params string[] parts) =>
        text.Split('\n').Any(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && parts.All(p => l.Contains(p, StringComparison.Ordinal))
            && l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0] == value);

    [Fact]
    public async Task Metrics_carry_request_durations_tagged_with_brand_and_plane()
    {
        var brand = await NewBrandAsync();
        await Api.ClientWith(brand.AdminKey).GetAsync("/v1/listings");
        await Api.ClientWith(brand.SandboxAdminKey).GetAsync("/v1/listings/424242");

        var brandTag = $"brand_id=\"{brand.Id}\"";
        var text = await ScrapeUntilAsync(Api.ClientWith(null), t =>
            HasLine(t, "http_server_request_duration_seconds_count", brandTag, "plane=\"sandbox\"", "http_response_status_code=\"404\""));
        Assert.True(HasLine(text, "http_server_request_duration_seconds_bucket", brandTag, "plane=\"live\"", "http_route=\"/v1/listings/\"", "http_response_status_code=\"200\""),
            $"no live request-duration histogram for the brand (scrape {text.Length} chars, overflow: {text.Contains("overflow", StringComparison.Ordinal)}): " + string.Join("\n", text.Split('\n').Where(l => l.Contains(brand.Id, StringComparison.Ordinal)).Take(5)));
        Assert.True(HasLine(text, "http_server_request_duration_seconds_count", brandTag, "plane=\"sandbox\"", "http_route=\"/v1/listings/{id:long}\"", "http_response_status_code=\"404\""),
            "no sandbox 404 count for the brand");
    }

    [Fact]
    public async Task Rate_limit_rejections_and_webhook_deliveries_are_counted_per_brand()
    {
        var brand = await NewBrandAsync();
        await using var node = await new Node(Node.BrandLimit(brand.Id, permitsPerSecond: 0.01, burst: 1)).StartAsync();
        var client = node.Client(brand.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/listings")).StatusCode);
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/v1/listings")).StatusCode);
        RepurchMetrics.WebhookDelivery(brand.Id, RepurchMetrics.WebhookOutcome.Delivered, 0.2);
        RepurchMetrics.WebhookDelivery(brand.Id, RepurchMetrics.WebhookOutcome.Failed, 1.5, Persistence.Plane.Sandbox, statusCode: 500);

        var brandTag = $"brand_id=\"{brand.Id}\"";
        var text = await ScrapeUntilAsync(node.Client(null), t => HasLine(t, "repurch_webhook_deliveries_total", brandTag, "outcome=\"failed\""));
        Assert.True(HasSample(text, "repurch_rate_limit_rejections_total", "2", brandTag, "plane=\"live\"", "policy=\"partner\""), "no rejection count of 2");
        Assert.True(HasSample(text, "repurch_webhook_deliveries_total", "1", brandTag, "outcome=\"delivered\"", "plane=\"live\""), "no delivered count");
        Assert.True(HasLine(text, "repurch_webhook_deliveries_total", brandTag, "outcome=\"failed\"", "plane=\"sandbox\"", "http_response_status_code=\"500\""), "no failed count");
        Assert.True(HasSample(text, "repurch_webhook_delivery_duration_seconds_bucket", "1", brandTag, "le=\"0.25\"", "outcome=\"delivered\""), "no delivery histogram");
    }

    [Fact]
    public async Task Metrics_can_be_restricted_to_listed_addresses()
    {
        await using var node = new ObsNode(new Dictionary<string, string> { ["REPURCH_METRICS_ALLOW"] = "10.0.0.0/8, 192.168.1.7" });
        // The test server's requests come from no network address: not on the list.
        await (await node.Client(null).GetAsync("/metrics")).AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await node.Client(null).GetAsync("/healthz")).StatusCode);

        var allowed = ObservabilitySetup.ParseAllowList("10.0.0.0/8, 192.168.1.7,::1");
        Assert.True(ObservabilitySetup.IsAllowed(IPAddress.Parse("10.2.3.4"), allowed));
        Assert.True(ObservabilitySetup.IsAllowed(IPAddress.Parse("::ffff:192.168.1.7"), allowed));
        Assert.True(ObservabilitySetup.IsAllowed(IPAddress.IPv6Loopback, allowed));
        Assert.False(ObservabilitySetup.IsAllowed(IPAddress.Parse("192.168.1.8"), allowed));
        Assert.False(ObservabilitySetup.IsAllowed(null, allowed));
        Assert.Throws<Persistence.StartupException>(() => ObservabilitySetup.ParseAllowList("10.0.0.0/8,example.com"));
    }
}
