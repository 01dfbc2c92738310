using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Repurch.Sdk;

/// <summary>
/// Sets the bearer: the API key, or the access token of a token pair. With tokens, a 401 (or a known
/// expiry) triggers one <c>POST /v1/auth/refresh</c> and the same request again. It sits inside
/// <see cref="RetryHandler"/> so the refresh itself is never retried: a refresh whose answer was lost has
/// already rotated the token, and sending the retired refresh token again would revoke the whole family.
/// </summary>
public sealed class TokenRefreshHandler : DelegatingHandler
{
    /// <summary>Refresh this long before the known expiry, so a request does not leave with a token about to lapse.</summary>
    private static readonly TimeSpan ExpirySkew = TimeSpan.FromSeconds(30);

    private readonly string? _apiKey;
    private readonly Uri _refreshUri;
    private readonly string _userAgent;
    private readonly Func<RepurchTokens, Task>? _onTokens;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private RepurchTokens? _tokens;

    public TokenRefreshHandler(string? apiKey, RepurchTokens? tokens, Uri baseUrl, string userAgent, Func<RepurchTokens, Task>? onTokens)
    {
        if (string.IsNullOrEmpty(apiKey) && tokens is null) throw new ArgumentException("pass an API key or a token pair");
        _apiKey = apiKey;
        _tokens = tokens;
        _refreshUri = new Uri(baseUrl, "v1/auth/refresh");
        _userAgent = userAgent;
        _onTokens = onTokens;
    }

    /// <summary>The current pair (after any refresh), when the client runs on tokens.</summary>
    public RepurchTokens? Tokens => _tokens;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A caller's own Authorization header is left alone (and never refreshed).
        if (request.Headers.Authorization is not null && !request.Options.TryGetValue(SetByUs, out _))
            return await base.SendAsync(request, cancellationToken);
        var bearer = await BearerAsync(cancellationToken);
        Authorize(request, bearer);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || _tokens is null) return response;
        // The access token lapsed (or was revoked): one refresh, then the same request again.
        response.Dispose();
        await RefreshAsync(bearer, cancellationToken);
        Authorize(request, _tokens.AccessToken);
        return await base.SendAsync(request, cancellationToken);
    }

    private static readonly HttpRequestOptionsKey<bool> SetByUs = new("Repurch.BearerSetBySdk");

    private static void Authorize(HttpRequestMessage request, string bearer)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        request.Options.Set(SetByUs, true);
    }

    private async Task<string> BearerAsync(CancellationToken cancellationToken)
    {
        if (_tokens is null) return _apiKey!;
        if (_tokens.ExpiresAt is { } expires && expires - ExpirySkew <= DateTimeOffset.UtcNow) await RefreshAsync(_tokens.AccessToken, cancellationToken);
        return _tokens.AccessToken;
    }

    /// <summary>One refresh at a time; a request whose token was already replaced just uses the new one.</summary>
    private async Task RefreshAsync(string staleAccessToken, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (_tokens!.AccessToken != staleAccessToken) return;
            using var refresh = new HttpRequestMessage(HttpMethod.Post, _refreshUri)
            {
                Content = new StringContent(JsonSerializer.Serialize(new Dictionary<string, string> { ["refresh_token"] = _tokens.RefreshToken }), Encoding.UTF8, "application/json"),
            };
            refresh.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            using var response = await base.SendAsync(refresh, cancellationToken);
            if (!response.IsSuccessStatusCode) throw await RepurchException.FromResponseAsync(response, cancellationToken);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var pair = doc.RootElement;
            _tokens = new RepurchTokens(
                pair.GetProperty("access_token").GetString()!,
                pair.GetProperty("refresh_token").GetString()!,
                DateTimeOffset.UtcNow.AddSeconds(pair.GetProperty("expires_in").GetInt32()));
            if (_onTokens is not null) await _onTokens(_tokens);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _refreshing.Dispose();
        base.Dispose(disposing);
    }
}
