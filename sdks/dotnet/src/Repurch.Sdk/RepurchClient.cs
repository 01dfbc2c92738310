using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Repurch.Sdk.Generated;

namespace Repurch.Sdk;

/// <summary>
/// The Repurch API client. <see cref="Api"/> is the Kiota-generated client (typed requests and models for
/// every endpoint of openapi/v1.json); every call goes through one HttpClient whose handlers add the
/// User-Agent, an Idempotency-Key per mutation, retries, the bearer with token refresh, and turn any
/// answer outside 2xx into a <see cref="RepurchException"/>.
/// </summary>
public sealed class RepurchClient : IDisposable
{
    private readonly TokenRefreshHandler _auth;

    private RepurchClient(RepurchClientOptions options)
    {
        var baseUrl = new Uri((options.BaseUrl ?? RepurchClientOptions.DefaultBaseUrl).TrimEnd('/') + "/");
        UserAgent = SdkVersion.UserAgent + (string.IsNullOrEmpty(options.UserAgent) ? "" : " " + options.UserAgent);
        _auth = new TokenRefreshHandler(options.ApiKey, options.Tokens, baseUrl, UserAgent, options.OnTokens)
        {
            InnerHandler = options.Transport ?? new SocketsHttpHandler(),
        };
        // Outermost first: errors, user agent, idempotency key, retries, bearer and refresh, the network.
        var pipeline = new ErrorHandler
        {
            InnerHandler = new UserAgentHandler(UserAgent)
            {
                InnerHandler = new IdempotencyHandler
                {
                    InnerHandler = new RetryHandler(options.MaxRetries, options.BaseDelay, options.MaxDelay, options.Delay) { InnerHandler = _auth },
                },
            },
        };
        HttpClient = new HttpClient(pipeline) { BaseAddress = baseUrl };
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: HttpClient)
        {
            BaseUrl = baseUrl.ToString().TrimEnd('/'),
        };
        Adapter = adapter;
        Api = new RepurchApiClient(adapter);
        BulkJobs = new BulkJobs(this);
    }

    /// <summary>The generated client: <c>repurch.Api.V1.Listings.GetAsync(...)</c>.</summary>
    public RepurchApiClient Api { get; }

    /// <summary>Kiota's request adapter (for a <see cref="RequestInformation"/> built by hand).</summary>
    public IRequestAdapter Adapter { get; }

    /// <summary>The pipeline as an HttpClient (base address set) for a raw request through the same handlers.</summary>
    public HttpClient HttpClient { get; }

    public BulkJobs BulkJobs { get; }

    public string UserAgent { get; }

    /// <summary>The token pair after any refresh (store it when the process ends), when the client runs on tokens.</summary>
    public RepurchTokens? Tokens => _auth.Tokens;

    /// <summary>A client on an API key (<c>re_pk_live_…</c> or <c>re_pk_test_…</c>); <paramref name="baseUrl"/> defaults to https://api.repurch.com.</summary>
    public static RepurchClient Create(string apiKey, string? baseUrl = null) =>
        Create(new RepurchClientOptions { ApiKey = apiKey, BaseUrl = baseUrl });

    /// <summary>A client on a token pair, refreshed when the access token lapses.</summary>
    public static RepurchClient Create(RepurchTokens tokens, string? baseUrl = null, Func<RepurchTokens, Task>? onTokens = null) =>
        Create(new RepurchClientOptions { Tokens = tokens, BaseUrl = baseUrl, OnTokens = onTokens });

    public static RepurchClient Create(RepurchClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.ApiKey) && options.Tokens is null) throw new ArgumentException("pass ApiKey or Tokens", nameof(options));
        return new RepurchClient(options);
    }

    /// <summary>Exchanges an API key for a 15-minute access token and its refresh token (<c>POST /v1/auth/token</c>).</summary>
    public static async Task<RepurchTokens> ExchangeKeyAsync(string apiKey, string? baseUrl = null, CancellationToken cancellationToken = default)
    {
        using var client = Create(apiKey, baseUrl);
        var pair = await client.Api.V1.Auth.Token.PostAsync(cancellationToken: cancellationToken)
            ?? throw new RepurchException("the API answered the token exchange without a body");
        return new RepurchTokens(pair.AccessToken!, pair.RefreshToken!, DateTimeOffset.UtcNow.AddSeconds(pair.ExpiresIn ?? 0));
    }

    public void Dispose() => HttpClient.Dispose();
}
