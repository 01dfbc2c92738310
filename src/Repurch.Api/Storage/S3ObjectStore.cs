using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Repurch.Api.Storage;

/// <summary>
/// Any S3-compatible store (AWS S3, MinIO, R2, Ceph...), addressed path-style so custom endpoints
/// work without per-bucket DNS. Checksums are sent only where the operation requires them: the
/// SDK's default (a CRC trailer on every upload) is not understood by every S3-compatible server.
/// </summary>
public sealed class S3ObjectStore : IObjectStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;

    public S3ObjectStore(StorageOptions options)
    {
        _bucket = options.S3Bucket!;
        var config = new AmazonS3Config
        {
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            AuthenticationRegion = options.S3Region,
        };
        if (options.S3Endpoint is { } endpoint) config.ServiceURL = endpoint;
        else config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.S3Region);
        _client = options.S3AccessKey is { } access && options.S3SecretKey is { } secret
            ? new AmazonS3Client(new BasicAWSCredentials(access, secret), config)
            : new AmazonS3Client(config);
        DirectBaseUrl = options.S3Endpoint is { } e
            ? $"{e}/{_bucket}"
            : $"https://{_bucket}.s3.{options.S3Region}.amazonaws.com";
    }

    public string? DirectBaseUrl { get; }

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = stream,
            ContentType = contentType,
            AutoCloseStream = false,
            // Plain signed payload: aws-chunked uploads are not supported by every S3-compatible server.
            UseChunkEncoding = false,
        };
        // Keys never change content, so every cache may keep them.
        request.Headers.CacheControl = "public, max-age=31536000, immutable";
        await _client.PutObjectAsync(request, ct);
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        try
        {
            using var response = await _client.GetObjectAsync(_bucket, key, ct);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, ct);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct) => _client.DeleteObjectAsync(_bucket, key, ct);

    public void Dispose() => _client.Dispose();
}
