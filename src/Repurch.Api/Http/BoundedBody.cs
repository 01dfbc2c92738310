namespace Repurch.Api.Http;

/// <summary>
/// Reads a whole request body into one array, refusing it as soon as it passes a limit: before
/// reading anything when Content-Length says so, otherwise on the read that goes past it. So an
/// oversized body never costs more than the limit. With Content-Length the array is exactly that
/// long and the bytes land in it straight from the socket; without, it starts small and doubles,
/// never beyond the limit plus the one byte that proves the body is longer.
/// </summary>
public static class BoundedBody
{
    private const int FirstBuffer = 16 * 1024;

    /// <summary>
    /// The body, or null when it is larger than <paramref name="limit"/>. <paramref name="observe"/>
    /// sees each run of bytes as it arrives (the idempotency hash is taken this way). Kestrel's
    /// <see cref="BadHttpRequestException"/> (its own size limit, broken chunking, a body cut short)
    /// is the caller's to answer.
    /// </summary>
    public static async Task<ArraySegment<byte>?> ReadAsync(HttpRequest request, long limit, Action<ReadOnlySpan<byte>>? observe, CancellationToken ct)
    {
        if (request.ContentLength is { } declared)
        {
            if (declared > limit) return null;
            var exact = new byte[declared];
            var filled = 0;
            while (filled < exact.Length)
            {
                var n = await request.Body.ReadAsync(exact.AsMemory(filled), ct);
                // Shorter than declared: Kestrel throws before this, a test host just ends the stream.
                if (n == 0) break;
                observe?.Invoke(exact.AsSpan(filled, n));
                filled += n;
            }
            return new ArraySegment<byte>(exact, 0, filled);
        }

        var buffer = new byte[(int)Math.Min(limit + 1, FirstBuffer)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit) return null;
                Array.Resize(ref buffer, (int)Math.Min(limit + 1, 2L * buffer.Length));
            }
            var n = await request.Body.ReadAsync(buffer.AsMemory(length), ct);
            if (n == 0) break;
            observe?.Invoke(buffer.AsSpan(length, n));
            length += n;
        }
        if (length > limit) return null;
        return new ArraySegment<byte>(buffer, 0, length);
    }
}
