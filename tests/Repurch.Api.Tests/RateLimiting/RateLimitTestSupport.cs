using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.RateLimiting;

/// <summary>A separate API host ("node") with its own configuration, e.g. low limits for one test brand.</summary>
public sealed class Node : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public Node(IEnumerable<KeyValuePair<string, string>> settings, Action<IWebHostBuilder>? configure = null)
    {
        var list = settings.ToList();
        _factory = ApiFactory.Shared.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in list) b.UseSetting(key, value);
            configure?.Invoke(b);
        });
    }

    public static Dictionary<string, string> BrandLimit(string brandId, double permitsPerSecond, int burst, int queueLimit = 0, int maxQueueWaitMs = 1000) => new()
    {
        [$"RateLimits:Brands:{brandId}:PermitsPerSecond"] = permitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimits:Brands:{brandId}:Burst"] = burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimits:Brands:{brandId}:QueueLimit"] = queueLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimits:Brands:{brandId}:MaxQueueWaitMs"] = maxQueueWaitMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public HttpClient Client(string? bearer)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>Starts the host (outside any timing) with an exempt request.</summary>
    public async Task<Node> StartAsync()
    {
        var health = await Client(null).GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        return this;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}

public static class RateLimitAsserts
{
    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"no {name} header on {(int)response.StatusCode}");

    /// <summary>Asserts a 429 in the project's error shape with Retry-After and the draft headers.</summary>
    public static async Task AssertRateLimitedAsync(this HttpResponseMessage response, string policy, int burst, int window)
    {
        await response.AssertErrorAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 1 }, $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Equal($"\"{policy}\";q={burst};w={window}", response.Header("RateLimit-Policy"));
        Assert.Matches($"^\"{policy}\";r=0;t=[1-9][0-9]*$", response.Header("RateLimit"));
    }
}

/// <summary>Keeps the warnings a node logs, for assertions.</summary>
public sealed class WarningLog : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _warnings = new();

    public IReadOnlyCollection<string> Warnings => _warnings;

    public void Attach(IWebHostBuilder builder) => builder.ConfigureLogging(l => l.AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(WarningLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log._warnings.Enqueue($"{category}: {formatter(state, exception)}");
        }
    }
}
