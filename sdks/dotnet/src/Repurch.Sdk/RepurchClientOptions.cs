namespace Repurch.Sdk;

/// <summary>How a <see cref="RepurchClient"/> authenticates, where it sends requests and how it retries.</summary>
public sealed class RepurchClientOptions
{
    public const string DefaultBaseUrl = "https://api.repurch.com";

    /// <summary>Default https://api.repurch.com. Live or sandbox is decided by the key (re_pk_live_… / re_pk_test_…), not the URL.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>An API key; or set <see cref="Tokens"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A token pair, refreshed once on a 401 (or before its known expiry).</summary>
    public RepurchTokens? Tokens { get; set; }

    /// <summary>Called with every new pair after a refresh: store it (the old refresh token is now retired).</summary>
    public Func<RepurchTokens, Task>? OnTokens { get; set; }

    /// <summary>Retries after the first attempt (default 3; 0 turns retrying off).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff, doubled on each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No backoff or Retry-After wait is longer than this.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Appended to the SDK's own User-Agent (<c>repurch-dotnet/&lt;version&gt;</c>).</summary>
    public string? UserAgent { get; set; }

    /// <summary>The innermost handler (default a SocketsHttpHandler); tests pass a fake.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>How the client waits between attempts (tests make it instant).</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = Task.Delay;
}
