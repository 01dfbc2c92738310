using System.Net;
using Repurch.Api.Observability;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Observability;

/// <summary>Every answer carries <c>Request-Id</c>, the id its log line has, so a partner can quote it to support.</summary>
public sealed class RequestIdTests : ApiTest
{
    private static string RequestId(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Request-Id"));

    [Fact]
    public async Task Successes_and_errors_each_carry_their_own_request_id_which_the_log_line_has()
    {
        var logs = new CapturedLogs();
        await using var node = new ObsNode(logs: logs);
        var brand = await NewBrandAsync();
        var client = node.Client(brand.AdminKey);

        var ok = await client.GetAsync("/v1/listings");
        var missing = await client.GetAsync("/v1/listings/999999999");
        var unauthenticated = await node.Client(null).GetAsync("/v1/listings");
        var badJson = await client.PostJsonAsync("/v1/listings", "{\"title\":");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        var ids = new[] { ok, missing, unauthenticated, badJson }.Select(RequestId).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // The request line is written once the answer has gone out: wait for it rather than a fixed time.
        CapturedLog? line = null;
        for (var i = 0; i < 100 && line is null; i++)
        {
            line = logs.Records.FirstOrDefault(r => r.Category == RequestTelemetryMiddleware.LogCategory && r.Message.StartsWith("GET /v1/listings answered 200", StringComparison.Ordinal));
            if (line is null) await Task.Delay(100);
        }
        Assert.NotNull(line);
        Assert.Equal(ids[0], line.Scope("request_id"));
    }
}
