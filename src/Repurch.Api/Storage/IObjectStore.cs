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

/// <summary>Object-store settings, read once from configuration.</summary>
public sealed record StorageOptions(
    string LocalDirectory, string? MediaBaseUrl,
    string? S3Bucket, string? S3Endpoint, string? S3AccessKey, string? S3SecretKey, string S3Region)
{
    public bool UsesS3 => !string.IsNullOrWhiteSpace(S3Bucket);

    public static StorageOptions From(IConfiguration config, string contentRoot)
    {
        var dir = config["REPURCH_STORAGE_DIR"] is { Length: > 0 } d ? d : ".data/uploads";
        return new StorageOptions(
            Path.GetFullPath(dir, contentRoot),
            Blank(config["REPURCH_MEDIA_BASE_URL"])?.TrimEnd('/'),
            Blank(config["REPURCH_S3_BUCKET"]),
            Blank(config["REPURCH_S3_ENDPOINT"])?.TrimEnd('/'),
            Blank(config["REPURCH_S3_ACCESS_KEY"]),
            Blank(config["REPURCH_S3_SECRET_KEY"]),
            Blank(config["REPURCH_S3_REGION"]) ?? "us-east-1");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public static class ObjectStoreSetup
{
    public static void AddObjectStore(this IServiceCollection services)
    {
        services.AddSingleton(sp => StorageOptions.From(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(sp => Create(sp.GetRequiredService<StorageOptions>()));
        services.AddSingleton<MediaUrls>();
    }

    /// <summary>The store the options name: S3 when a bucket is set, else the local directory.</summary>
    public static IObjectStore Create(StorageOptions options) =>
        options.UsesS3 ? new S3ObjectStore(options) : new LocalObjectStore(options.LocalDirectory);
}
