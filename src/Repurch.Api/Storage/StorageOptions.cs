using Repurch.Api.Configuration;

namespace Repurch.Api.Storage;

/// <summary>
/// Object-store settings: <c>REPURCH_STORAGE_DIR</c> (local store, default <c>.data/uploads</c> under the
/// content root), <c>REPURCH_MEDIA_BASE_URL</c>, and S3 when <c>REPURCH_S3_BUCKET</c> is set
/// (<c>REPURCH_S3_ENDPOINT</c>, <c>REPURCH_S3_ACCESS_KEY</c>, <c>REPURCH_S3_SECRET_KEY</c>, <c>REPURCH_S3_REGION</c>).
/// </summary>
public sealed class StorageOptions : BoundOptions
{
    public const string DirectorySetting = "REPURCH_STORAGE_DIR";
    public const string MediaBaseUrlSetting = "REPURCH_MEDIA_BASE_URL";
    public const string BucketSetting = "REPURCH_S3_BUCKET";
    public const string EndpointSetting = "REPURCH_S3_ENDPOINT";
    public const string AccessKeySetting = "REPURCH_S3_ACCESS_KEY";
    public const string SecretKeySetting = "REPURCH_S3_SECRET_KEY";
    public const string RegionSetting = "REPURCH_S3_REGION";

    /// <summary>The local store's directory as configured, relative to <see cref="ContentRoot"/> unless absolute.</summary>
    public string Directory { get; set; } = ".data/uploads";

    /// <summary>What a relative <see cref="Directory"/> is under: the host's content root, or the CLI's working directory.</summary>
    public string ContentRoot { get; set; } = System.IO.Directory.GetCurrentDirectory();

    public string LocalDirectory => Path.GetFullPath(Directory, ContentRoot);

    public string? MediaBaseUrl { get; set; }
    public string? S3Bucket { get; set; }
    public string? S3Endpoint { get; set; }
    public string? S3AccessKey { get; set; }
    public string? S3SecretKey { get; set; }
    public string S3Region { get; set; } = "us-east-1";

    public bool UsesS3 => !string.IsNullOrWhiteSpace(S3Bucket);

    /// <summary>Read and checked outside DI (the operator CLI, tests), relative paths under <paramref name="contentRoot"/>.</summary>
    public static StorageOptions From(IConfiguration config, string contentRoot)
    {
        var options = new StorageOptions { ContentRoot = contentRoot };
        options.Read(config);
        return Checked(options);
    }

    protected override void Load(IConfiguration config)
    {
        Directory = Text(config, DirectorySetting) ?? ".data/uploads";
        MediaBaseUrl = Text(config, MediaBaseUrlSetting)?.TrimEnd('/');
        S3Bucket = Text(config, BucketSetting);
        S3Endpoint = Text(config, EndpointSetting)?.TrimEnd('/');
        S3AccessKey = Text(config, AccessKeySetting);
        S3SecretKey = Text(config, SecretKeySetting);
        S3Region = Text(config, RegionSetting) ?? "us-east-1";
    }

    protected override IEnumerable<string> Check()
    {
        if (NotHttpUrl(MediaBaseUrlSetting, MediaBaseUrl) is { } badBase) yield return badBase;
        if (NotHttpUrl(EndpointSetting, S3Endpoint) is { } badEndpoint) yield return badEndpoint;
        if (!UsesS3)
        {
            // S3 settings without a bucket would be silently ignored and photos kept on local disk.
            foreach (var (name, value) in new[] { (EndpointSetting, S3Endpoint), (AccessKeySetting, S3AccessKey), (SecretKeySetting, S3SecretKey) })
            {
                if (value is not null) yield return $"{name} is set but {BucketSetting} is not: set the bucket to store photos in S3, or unset {name} to keep them in {DirectorySetting}.";
            }
        }
        else if ((S3AccessKey is null) != (S3SecretKey is null))
        {
            yield return $"{(S3AccessKey is null ? AccessKeySetting : SecretKeySetting)} is not set but {(S3AccessKey is null ? SecretKeySetting : AccessKeySetting)} is: set both, or neither for the AWS SDK's default credentials.";
        }
    }
}
