using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Repurch.Api.Observability;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Observability;

/// <summary>
/// Another API host ("node") on the same databases, with its own settings and, optionally, a log capture.
/// With <c>kestrel</c> it serves real HTTP on a loopback port, so Kestrel's own limits and errors apply
/// (the in-memory test server has neither).
/// </summary>
public sealed class ObsNode : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly Uri? _address;

    public ObsNode(IReadOnlyDictionary<string, string>? settings = null, CapturedLogs? logs = null, bool kestrel = false)
    {
        _factory = ApiFactory.Shared.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) b.UseSetting(key, value);
            if (logs is not null) b.ConfigureLogging(l => l.AddProvider(logs));
        });
        if (kestrel)
        {
            // An endpoint, not UseKestrel(0): the factory sets port 0 only after Program has started the
            // host, too late, so it bound the default localhost:5000, which concurrent suites share.
            _factory.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
            _factory.StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            _address = new Uri(addresses.First());
        }
    }

    public IServiceProvider Services => _factory.Services;

    public UsageRecorder Usage => Services.GetRequiredService<UsageRecorder>();

    public HttpClient Client(string? bearer)
    {
        var client = _address is null
            ? _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
                        // A request that sends Expect: 100-continue waits for the server's word however long a cold node takes.
            : new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = _address };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}

/// <summary>One log record as the app handed it to a provider: text, structured fields and every scope's fields.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, string? Exception,
    IReadOnlyList<KeyValuePair<string, object?>> Fields, IReadOnlyList<KeyValuePair<string, object?>> Scopes)
{
    public object? Scope(string name) => Scopes.LastOrDefault(p => p.Key == name).Value;

    /// <summary>Everything in the record as text, for "does a secret appear anywhere" checks.</summary>
    public string AllText() => string.Join("\n", new[] { Category, Message, Exception ?? "" }
        .Concat(Fields.Concat(Scopes).Select(p => $"{p.Key}={p.Value}")));
}

/// <summary>Captures every log record at every level, with its scopes (like the console and OTLP providers see them).</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _records = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Records => _records;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<KeyValuePair<string, object?>>();
            owner._scopes.ForEachScope((scope, list) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs) list.AddRange(pairs);
                else if (scope is not null) list.Add(new("scope", scope.ToString()));
            }, scopes);
            var fields = state is IEnumerable<KeyValuePair<string, object?>> f ? f.ToList() : [];
            owner._records.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception?.ToString(), fields, scopes));
        }
    }
}
