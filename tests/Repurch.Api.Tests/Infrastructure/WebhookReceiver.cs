using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Repurch.Api.Tests.Infrastructure;

/// <summary>A webhook receiver on loopback that records what it is sent and answers as told.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private int _calls;

    /// <summary>Answers call number n (0-based) with this status; 200 by default.</summary>
    public Func<int, Received, int> Respond { get; set; } = (_, _) => 200;

    public string Url { get; private set; } = "";
    public IReadOnlyList<Received> Requests => _received.ToArray();

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var received = new Received(http.Request.Path, http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body, DateTimeOffset.UtcNow);
            var n = Interlocked.Increment(ref _calls) - 1;
            var status = Respond(n, received);
            _received.Enqueue(received);
            return status == 204 ? Results.NoContent() : Results.Text(status is >= 200 and < 300 ? "ok" : "nope", statusCode: status);
        });
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver._app.StartAsync();
        receiver.Url = receiver._app.Urls.First().TrimEnd('/') + "/hooks";
        return receiver;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests matched, or fails after the timeout.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, Func<Received, bool>? match = null, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var hits = Requests.Where(r => match?.Invoke(r) ?? true).ToList();
            if (hits.Count >= count) return hits;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Expected {count} webhook requests, got {hits.Count} (of {Requests.Count} in all) within {timeoutSeconds} s.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
