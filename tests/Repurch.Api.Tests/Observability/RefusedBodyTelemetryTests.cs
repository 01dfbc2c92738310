using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Repurch.Api.Idempotency;
using Repurch.Api.Observability;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Observability;

/// <summary>
/// A body the server refuses is counted as the answer the client got: the request log line, the
/// usage report and the metrics say 413 (or 400), never 500, and nothing logs an error-level stack
/// trace for a client's mistake. Over real HTTP (Kestrel), whose limits and errors these are.
/// </summary>
public sealed class RefusedBodyTelemetryTests : ApiTest
{
    private static string NewKey() => $"key-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_body_over_the_server_limit_is_counted_and_logged_as_413_with_or_without_an_idempotency_key()
    {
        var brand = await NewBrandAsync();
        var logs = new CapturedLogs();
        await using var node = new ObsNode(logs: logs, kestrel: true);
        var client = node.Client(brand.AdminKey);
        // 17 MB: over Kestrel's outer 16 MB as well as the endpoint's 256 KB.
        var json = Encoding.UTF8.GetBytes("{\"description\": \"" + new string('x', 17 * 1024 * 1024) + "\"}");

        foreach (var key in new[] { NewKey(), null })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/listings") { Content = new ByteArrayContent(json) };
            request.Content.Headers.ContentType = new("application/json");
            if (key is not null) request.Headers.Add(IdempotencyMiddleware.Header, key);
            // The client sends the body only once the server asks for it, so it reads the 413 rather
            // than writing 17 MB into a connection the server closes after answering.
            request.Headers.ExpectContinue = true;
            var response = await client.SendAsync(request);
            await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        }

        // The middleware counts a request, then logs it, after the answer has gone out: wait for both lines.
        await WaitForLinesAsync(logs, "POST /v1/listings", 2);
        var create = Route(await UsageAsync(node, client), "POST /v1/listings");
        Assert.Equal(2, create.GetProperty("requests").GetInt64());
        Assert.Equal(2, create.GetProperty("errors_4xx").GetInt64());
        Assert.Equal(0, create.GetProperty("errors_5xx").GetInt64());
        Assert.Equal(["POST /v1/listings answered 413", "POST /v1/listings answered 413"], RequestLines(logs, "POST /v1/listings"));
        await AssertMetricsAsync(node, brand, "413");
        AssertNoErrorLogged(logs);
    }

    [Fact]
    public async Task A_body_with_broken_chunked_framing_is_counted_and_logged_as_400_with_or_without_an_idempotency_key()
    {
        var brand = await NewBrandAsync();
        var logs = new CapturedLogs();
        await using var node = new ObsNode(logs: logs, kestrel: true);
        var client = node.Client(brand.AdminKey);

        foreach (var key in new[] { NewKey(), null })
        {
            // "zz" is not a chunk size: Kestrel refuses the body as soon as the endpoint (or the idempotency middleware) reads it.
            var (status, body) = await RawPostAsync(client.BaseAddress!, brand.AdminKey, key, "Transfer-Encoding: chunked", "zz\r\n{}\r\n0\r\n\r\n");
            Assert.Equal(400, status);
            Assert.Equal("bad_request", body.GetProperty("code").GetString());
            Assert.Equal(400, body.GetProperty("data").GetProperty("status").GetInt32());
        }

        // The middleware counts a request, then logs it, after the answer has gone out: wait for both lines.
        await WaitForLinesAsync(logs, "POST /v1/listings", 2);
        var create = Route(await UsageAsync(node, client), "POST /v1/listings");
        Assert.Equal(2, create.GetProperty("errors_4xx").GetInt64());
        Assert.Equal(0, create.GetProperty("errors_5xx").GetInt64());
        Assert.Equal(["POST /v1/listings answered 400", "POST /v1/listings answered 400"], RequestLines(logs, "POST /v1/listings"));
        AssertNoErrorLogged(logs);
    }

    [Fact]
    public async Task A_client_that_goes_away_mid_body_is_logged_as_a_client_error_not_as_an_error()
    {
        var brand = await NewBrandAsync();
        var logs = new CapturedLogs();
        await using var node = new ObsNode(logs: logs, kestrel: true);
        var server = node.Client(null).BaseAddress!;

        foreach (var key in new[] { NewKey(), null })
        {
            using var tcp = new TcpClient { LingerState = new LingerOption(true, 0) };
            await tcp.ConnectAsync(server.Host, server.Port);
            var stream = tcp.GetStream();
            var head = $"POST /v1/listings HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {brand.AdminKey}\r\nContent-Type: application/json\r\n"
                + (key is null ? "" : $"{IdempotencyMiddleware.Header}: {key}\r\n") + "Expect: 100-continue\r\nContent-Length: 100000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            // Kestrel answers 100 Continue only once the app starts reading the body: from then on the
            // request is the app's, so cutting the body short must reach its log (however loaded the machine).
            await WaitForContinueAsync(stream);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("{\"title\": \"" + new string('x', 20_000)));
            await stream.FlushAsync();
            tcp.Close();
        }

        // 499 once Kestrel has seen the connection go; if the body read fails first, Kestrel's own
        // verdict on the cut-short body, 400. Either way the client's doing, never a 500. The line is
        // written when the request ends, which a loaded machine may take a while to get to.
        var lines = await WaitForLinesAsync(logs, "POST /v1/listings", 2);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Contains(line, new[] { "POST /v1/listings answered 499", "POST /v1/listings answered 400" }));
        AssertNoErrorLogged(logs);
    }

    private static async Task WaitForContinueAsync(NetworkStream stream)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[256];
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("100 Continue", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cts.Token);
            Assert.True(read > 0, $"the server closed the connection before 100 Continue: {seen}");
            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    private static async Task<JsonElement> UsageAsync(ObsNode node, HttpClient client)
    {
        // The telemetry middleware records a request once its answer has gone out: give it a moment.
        await Task.Delay(250);
        await node.Usage.FlushAsync();
        var response = await client.GetAsync("/v1/partner/usage");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static JsonElement Route(JsonElement usage, string route) =>
        usage.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("route").GetString() == route).GetProperty("stats");

    /// <summary>The route's request log lines once there are <paramref name="count"/> of them (or after 30 s).</summary>
    private static async Task<string[]> WaitForLinesAsync(CapturedLogs logs, string route, int count)
    {
        var lines = RequestLines(logs, route);
        for (var waited = 0; lines.Length < count && waited < 30_000; waited += 100)
        {
            await Task.Delay(100);
            lines = RequestLines(logs, route);
        }
        return lines;
    }

    /// <summary>The request log lines for one route, without their timings.</summary>
    private static string[] RequestLines(CapturedLogs logs, string route) =>
        logs.Records.Where(r => r.Category == RequestTelemetryMiddleware.LogCategory && r.Message.StartsWith(route + " answered", StringComparison.Ordinal))
            .Select(r => r.Message[..r.Message.LastIndexOf(" in ", StringComparison.Ordinal)]).ToArray();

    private static void AssertNoErrorLogged(CapturedLogs logs) =>
        Assert.Empty(logs.Records.Where(r => r.Level >= LogLevel.Error).Select(r => $"{r.Category} ({r.Level}): {r.Message}\n{r.Exception}"));

    /// <summary>The request-duration metric counts the brand's requests under the status sent, and none as 500.</summary>
    private static async Task AssertMetricsAsync(ObsNode node, TestBrand brand, string status)
    {
        var brandTag = $"brand_id=\"{brand.Id}\"";
        bool Counted(string text, string code) => text.Split('\n').Any(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && l.Contains(brandTag, StringComparison.Ordinal) && l.Contains($"http_response_status_code=\"{code}\"", StringComparison.Ordinal));
        var text = "";
        for (var i = 0; i < 40 && !Counted(text, status); i++)
        {
            if (i > 0) await Task.Delay(100);
            text = await node.Client(null).GetStringAsync("/metrics");
        }
        Assert.True(Counted(text, status), $"no {status} count for the brand");
        Assert.False(Counted(text, "500"), "a 500 was counted for the brand");
    }

    /// <summary>A POST written by hand, for framing no HTTP client library would produce; returns the status and the JSON body.</summary>
    private static async Task<(int Status, JsonElement Body)> RawPostAsync(Uri server, string bearer, string? key, string framing, string body)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        var head = $"POST /v1/listings HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {bearer}\r\nContent-Type: application/json\r\n"
            + (key is null ? "" : $"{IdempotencyMiddleware.Header}: {key}\r\n") + $"{framing}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + body));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        // The JSON, whether the answer came with a Content-Length or as one chunk.
        var json = response[response.IndexOf('{')..(response.LastIndexOf('}') + 1)];
        return (status, JsonDocument.Parse(json).RootElement.Clone());
    }
}
