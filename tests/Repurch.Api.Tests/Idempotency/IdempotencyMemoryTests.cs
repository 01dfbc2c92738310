using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Repurch.Api.Idempotency;
using Repurch.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Repurch.Api.Tests.Idempotency;

/// <summary>
/// An <c>Idempotency-Key</c> must not make a body cost the server more than the endpoint allows:
/// the middleware applies the endpoint's limit before it buffers anything. Measured on the API
/// running as its own process, so the number is the server's peak resident memory and nothing else.
/// </summary>
public sealed class IdempotencyMemoryTests(ITestOutputHelper output) : ApiTest
{
    private const int Concurrent = 20;
    // Under Kestrel's outer 16 MB, so only POST /v1/listings' own 256 KB can refuse it.
    private const int BodyBytes = 15 * 1024 * 1024;
    // Buffering these bodies took the peak up by ~775 MB per round; refusing them costs next to nothing.
    private const long AllowedGrowth = 150L * 1024 * 1024;

    [Fact]
    public async Task Rounds_of_concurrent_15_mb_creates_with_keys_are_refused_while_peak_memory_stays_flat()
    {
        var starting = ApiProcess.StartAsync();
        var brand = $"mem-{Guid.NewGuid():N}"[..20];
        await ApiProcess.RunCliAsync("brands", "create", "--id", brand, "--name", "Memory test");
        var key = await ApiProcess.RunCliAsync("keys", "create", "--brand", brand, "--role", "admin", "--scopes", "read,write");
        await using var api = await starting;
        using var client = api.Client(key);
        var oversized = Encoding.UTF8.GetBytes(Infrastructure.Listings.ValidCreate.Replace(
            "Excellent condition, no pet exposure.", new string('x', BodyBytes - Infrastructure.Listings.ValidCreate.Length), StringComparison.Ordinal));

        // Warm-up, so the baseline holds what the first requests allocate once: a create with a key, and one oversized body of each kind.
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Create(new StringContent(Infrastructure.Listings.ValidCreate, Encoding.UTF8, "application/json")))).StatusCode);
        await (await client.SendAsync(Create(new ByteArrayContent(oversized)))).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await (await client.SendAsync(Create(new ChunkedContent(oversized)))).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        var baseline = api.PeakResidentBytes();

        for (var round = 0; round < 2; round++)
        {
            // Half declare their length (refused before a byte is read), half are chunked (refused on the read past 256 KB).
            var responses = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(i =>
                client.SendAsync(Create(i % 2 == 0 ? new ByteArrayContent(oversized) : new ChunkedContent(oversized)))));
            foreach (var response in responses) await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        }

        var growth = api.PeakResidentBytes() - baseline;
        output.WriteLine($"peak resident memory: {baseline / 1024 / 1024} MB after warm-up, {(baseline + growth) / 1024 / 1024} MB after {2 * Concurrent} oversized creates");
        Assert.True(growth < AllowedGrowth, $"peak resident memory grew by {growth / 1024 / 1024} MB over the {baseline / 1024 / 1024} MB baseline");
    }

    /// <summary>POST /v1/listings with a new key each time.</summary>
    private static HttpRequestMessage Create(HttpContent content)
    {
        content.Headers.ContentType ??= new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/listings") { Content = content };
        request.Headers.Add(IdempotencyMiddleware.Header, $"key-{Guid.NewGuid():N}");
        return request;
    }

    /// <summary>A body sent without Content-Length (chunked), so only the bytes read can tell its size.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var i = 0; i < bytes.Length; i += 64 * 1024)
                await stream.WriteAsync(bytes.AsMemory(i, Math.Min(64 * 1024, bytes.Length - i)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
