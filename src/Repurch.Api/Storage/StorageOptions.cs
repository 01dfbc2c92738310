namespace Repurch.Api.Storage;

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
