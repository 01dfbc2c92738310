namespace Repurch.Api.Storage;

/// <summary>
/// Where uploaded files live: the local filesystem by default, any S3-compatible store when
/// <c>REPURCH_S3_BUCKET</c> is set. Keys are relative paths with forward slashes; objects are
/// written once and never changed, so they can be cached forever behind a CDN.
/// </summary>
public interface IObjectStore
{
    Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct);

    /// <summary>The object's bytes, or null when there is no such object.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>
    /// Where the store serves objects without going through the API, when it knows (an S3 endpoint);
    /// null for the local store, whose files the app serves under <see cref="MediaUrls.Prefix"/>.
    /// </summary>
    string? DirectBaseUrl { get; }
}
