using System.Net;
using System.Text.Json;

namespace Repurch.Sdk;

/// <summary>
/// Retries with exponential backoff and jitter on connection errors, <c>409 idempotency_key_in_use</c>,
/// <c>429</c> (waiting for <c>Retry-After</c> when given) and <c>5xx</c>; never on another 4xx. The body is
/// buffered once so every attempt sends the same bytes (under the same Idempotency-Key, set outside).
/// </summary>
public sealed class RetryHandler(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay, Func<TimeSpan, CancellationToken, Task> delay) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null) await request.Content.LoadIntoBufferAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException error) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt < maxRetries)
                {
                    await delay(Backoff(attempt), cancellationToken);
                    continue;
                }
                throw new RepurchConnectionException($"{request.Method} {request.RequestUri?.AbsolutePath}: {error.Message}", error);
            }
            if (attempt >= maxRetries || !await RetryableAsync(response, cancellationToken)) return response;
            var wait = RetryAfter(response) ?? Backoff(attempt);
            response.Dispose();
            await delay(wait, cancellationToken);
        }
    }

    /// <summary>Between half and all of baseDelay * 2^attempt, capped at maxDelay.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * (ceiling / 2));
    }

    private static async Task<bool> RetryableAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500) return true;
        if (response.StatusCode != HttpStatusCode.Conflict) return false;
        // Another attempt with this key is still running: retrying gets its answer once it is done.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                && code.GetString() == "idempotency_key_in_use";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Retry-After in seconds or as an HTTP date, capped at maxDelay.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null) return null;
        var wait = header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is null) return null;
        if (wait < TimeSpan.Zero) return TimeSpan.Zero;
        return wait > maxDelay ? maxDelay : wait;
    }
}
