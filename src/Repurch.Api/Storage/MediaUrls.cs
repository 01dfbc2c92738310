using Microsoft.Extensions.Options;

namespace Repurch.Api.Storage;

/// <summary>
/// Public URLs of stored objects: <c>REPURCH_MEDIA_BASE_URL</c> (a CDN) when set, else the S3
/// endpoint's own URL, else this API's <c>/media/</c> prefix on the host the request came to.
/// </summary>
public sealed class MediaUrls(IOptions<StorageOptions> options, IObjectStore store)
{
    public const string Prefix = "/media";

    public string For(string key, HttpRequest request) => $"{BaseUrl(request)}/{key}";

    public string BaseUrl(HttpRequest request) => BaseUrl(options.Value, store, $"{request.Scheme}://{request.Host}{request.PathBase}");

    /// <summary>The same rule without a request (the operator CLI), given the origin the app itself is reached at.</summary>
    public static string BaseUrl(StorageOptions options, IObjectStore store, string appOrigin) =>
        options.MediaBaseUrl ?? store.DirectBaseUrl ?? $"{appOrigin}{Prefix}";
}
