using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NetVips;
using Repurch.Api.Storage;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.RateLimiting;

namespace Repurch.Api.Tests.Media;

/// <summary>The S3 object store against a real S3-compatible server (s3rver) on loopback.</summary>
public sealed class S3StorageTests(S3rverServer s3) : ApiTest, IClassFixture<S3rverServer>
{
    private S3ObjectStore Store() => new(StorageOptions.From(
        new ConfigurationBuilder().AddInMemoryCollection(s3.Settings!).Build(), "/"));

    [Fact]
    public async Task The_store_puts_gets_and_deletes_objects()
    {
        using var store = Store();
        var key = $"t-brand/2026/11/{Guid.NewGuid():N}/photo.jpg";
        var bytes = TestImages.Jpeg(64, 48);
        await store.PutAsync(key, bytes, "image/jpeg", CancellationToken.None);
        Assert.Equal(bytes, await store.GetAsync(key, CancellationToken.None));
        Assert.Equal($"{s3.Endpoint}/{S3rverServer.Bucket}", store.DirectBaseUrl);

        // Path-style public URL: served by the store itself, with the type it was given.
        using var http = new HttpClient();
        var response = await http.GetAsync($"{store.DirectBaseUrl}/{key}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());

        await store.DeleteAsync(key, CancellationToken.None);
        Assert.Null(await store.GetAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_access_key_fails_loudly()
    {
        var settings = s3.Settings;
        settings["REPURCH_S3_ACCESS_KEY"] = "WRONGKEY";
        using var store = new S3ObjectStore(StorageOptions.From(
            new ConfigurationBuilder().AddInMemoryCollection(settings!).Build(), "/"));
        await Assert.ThrowsAnyAsync<Amazon.S3.AmazonS3Exception>(() => store.PutAsync("t/x.jpg", new byte[] { 1 }, "image/jpeg", CancellationToken.None));
    }

    [Fact]
    public async Task Upload_photo_stores_the_original_and_variants_in_s3_and_listings_use_their_urls()
    {
        await using var node = await new Node(s3.Settings).StartAsync();
        var brand = await NewBrandAsync();
        var client = node.Client(brand.AdminKey);
        var body = await client.UploadOkAsync(TestImages.JpegWithMetadata(1600, 1200), "sofa.jpg");
        var url = body.GetProperty("url").GetString()!;
        Assert.StartsWith($"{s3.Endpoint}/{S3rverServer.Bucket}/{brand.Id}/", url);

        using var http = new HttpClient();
        foreach (var (link, width) in new[] { (url, 1600), (body.GetProperty("sizes").GetProperty("large").GetString()!, 1024), (body.GetProperty("sizes").GetProperty("medium").GetString()!, 300) })
        {
            var response = await http.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            using var image = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(width, image.Width);
            Assert.DoesNotContain(image.GetFields(), f => f.StartsWith("exif", StringComparison.Ordinal));
        }

        // Nothing of it on the local disk.
        var local = Environment.GetEnvironmentVariable("REPURCH_STORAGE_DIR");
        if (local is not null) Assert.False(Directory.Exists(Path.Combine(local, brand.Id)));

        var id = body.GetProperty("attachment_id").GetInt64();
        var created = await client.PostJsonAsync("/v1/listings", Infrastructure.Listings.ValidCreate.TrimEnd().TrimEnd('}') + $", \"attachment_ids\": [{id}]}}");
        var listing = await created.JsonAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(url, listing.GetProperty("images")[0].GetString());
    }

    [Fact]
    public async Task A_cdn_base_url_replaces_the_stores_own()
    {
        var settings = s3.Settings;
        settings["REPURCH_MEDIA_BASE_URL"] = "https://cdn.example.com/uploads/";
        await using var node = await new Node(settings).StartAsync();
        var brand = await NewBrandAsync();
        var body = await node.Client(brand.AdminKey).UploadOkAsync(TestImages.Png(20, 20), "x.png");
        Assert.Matches($"^https://cdn\\.example\\.com/uploads/{brand.Id}/[0-9]{{4}}/[0-9]{{2}}/[0-9a-f]{{24}}/x\\.png$", body.GetProperty("url").GetString()!);
        // The object is in the bucket under the same key.
        var key = body.GetProperty("url").GetString()!["https://cdn.example.com/uploads/".Length..];
        using var store = Store();
        Assert.NotNull(await store.GetAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task An_unreachable_store_is_storage_unavailable_and_writes_nothing()
    {
        var settings = s3.Settings;
        settings["REPURCH_S3_ENDPOINT"] = $"http://127.0.0.1:{RedisServer.FreePort()}";
        await using var node = await new Node(settings).StartAsync();
        var brand = await NewBrandAsync();
        var response = await node.Client(brand.AdminKey).UploadAsync(TestImages.Jpeg(20, 20));
        await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "storage_unavailable");
        await using var db = Api.Planes.Open(Repurch.Api.Persistence.Plane.Live, brand.Id);
        Assert.Equal(0, await db.Attachments.CountAsync());
    }
}
