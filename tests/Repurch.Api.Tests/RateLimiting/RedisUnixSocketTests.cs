using System.Net;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.RateLimiting;

/// <summary>REPURCH_REDIS_URL=unix:///path: how ./run's private redis-server (no TCP port) is reached.</summary>
public sealed class RedisUnixSocketTests : ApiTest
{
    [Fact]
    public async Task Two_nodes_share_the_partners_bucket_through_a_redis_server_on_a_unix_socket()
    {
        var redis = RedisServer.OnUnixSocket();
        await redis.InitializeAsync();
        try
        {
            var brand = await NewBrandAsync();
            var settings = Node.BrandLimit(brand.Id, permitsPerSecond: 0.1, burst: 3);
            settings["REPURCH_REDIS_URL"] = redis.Url;
            Assert.StartsWith("unix:///", redis.Url);
            var log = new WarningLog();
            await using var first = await new Node(settings, log.Attach).StartAsync();
            await using var second = await new Node(settings, log.Attach).StartAsync();

            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 4; i++) statuses.Add((await (i % 2 == 0 ? first : second).Client(brand.AdminKey).GetAsync("/v1/listings")).StatusCode);

            // Alone, each node would allow both of its requests (burst 3); one shared bucket allows 3 of the 4.
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
            Assert.DoesNotContain(log.Warnings, w => w.Contains("Redis", StringComparison.Ordinal));
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }
}
