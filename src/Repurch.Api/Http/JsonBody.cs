using System.Text.Json;
using Repurch.Api.Errors;

namespace Repurch.Api.Http;

/// <summary>
/// Reads a request body as a JSON object with a size cap. Endpoints validate the object field by
/// field, so a wrong type becomes a field-level code (e.g. <c>price_gbp_invalid</c>) instead of a
/// framework error.
/// </summary>
public static class JsonBody
{
    public const long DefaultLimit = 256 * 1024;

    public sealed record Result(JsonDocument? Document, ApiErrorResult? Error, bool Empty)
    {
        public JsonElement Root => Document!.RootElement;
    }

    public static async Task<Result> ReadObjectAsync(HttpRequest request, long limit = DefaultLimit, CancellationToken ct = default)
    {
        var contentType = request.ContentType;
        if (!string.IsNullOrEmpty(contentType)
            && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            && !contentType.Contains("+json", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, Problems.UnsupportedMediaType(), false);
        }
        if (request.ContentLength > limit) return new(null, Problems.TooLarge(limit), false);

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > limit) return new(null, Problems.TooLarge(limit), false);
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, Problems.TooLarge(limit), false);
        }

        if (buffer.Length == 0 || IsWhitespace(buffer)) return new(null, null, true);
        try
        {
            var doc = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                doc.Dispose();
                return new(null, Problems.InvalidBody(), false);
            }
            return new(doc, null, false);
        }
        catch (JsonException e)
        {
            return new(null, Problems.InvalidJson(Describe(e)), false);
        }
    }

    private static string Describe(JsonException e) =>
        e.LineNumber is { } line ? $"syntax error at line {line + 1}, byte {e.BytePositionInLine + 1}." : "syntax error.";

    private static bool IsWhitespace(MemoryStream buffer)
    {
        foreach (var b in buffer.GetBuffer().AsSpan(0, (int)buffer.Length))
        {
            if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) return false;
        }
        return true;
    }
}
