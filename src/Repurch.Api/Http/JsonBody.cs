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

    /// <summary>Reads the body up to the endpoint's <see cref="RequestBodyLimit"/>.</summary>
    public static async Task<Result> ReadObjectAsync(HttpRequest request, CancellationToken ct = default)
    {
        var contentType = request.ContentType;
        if (!string.IsNullOrEmpty(contentType)
            && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            && !contentType.Contains("+json", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, Problems.UnsupportedMediaType(), false);
        }
        var limit = RequestBodyLimit.For(request.HttpContext);
        ArraySegment<byte>? body;
        try
        {
            body = await BoundedBody.ReadAsync(request, limit.Bytes, null, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, limit.TooLarge(), false);
        }
        if (body is null) return new(null, limit.TooLarge(), false);

        // The document keeps pointing into this array, so it is the body's only copy.
        ReadOnlyMemory<byte> json = body.Value;
        // RFC 8259 lets parsers ignore a UTF-8 byte order mark, and some clients (PowerShell, .NET
        // writers with a preamble) send one; JsonDocument would call it a syntax error at byte 1.
        if (json.Span.StartsWith(Utf8Bom)) json = json[Utf8Bom.Length..];
        if (IsWhitespace(json.Span)) return new(null, null, true);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return new(null, Problems.InvalidJson(Describe(e)), false);
        }
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            doc.Dispose();
            return new(null, Problems.InvalidBody(), false);
        }
        if (!StringsDecode(doc.RootElement))
        {
            doc.Dispose();
            return new(null, Problems.InvalidJson("a string is not valid UTF-8 or has an unpaired \\u surrogate escape."), false);
        }
        return new(doc, null, false);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static string Describe(JsonException e) =>
        e.LineNumber is { } line ? $"syntax error at line {line + 1}, byte {e.BytePositionInLine + 1}." : "syntax error.";

    private static bool IsWhitespace(ReadOnlySpan<byte> json)
    {
        foreach (var b in json)
        {
            if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether every property name and string value converts to .NET text. The parser lets invalid
    /// UTF-8 and unpaired <c>\uD800</c>-style escapes through inside strings; reading one later throws
    /// <see cref="InvalidOperationException"/> deep in an endpoint (a 500), so refuse them here.
    /// Recursion is bounded by the parser's MaxDepth.
    /// </summary>
    private static bool StringsDecode(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in element.EnumerateObject())
                    {
                        _ = p.Name;
                        if (!StringsDecode(p.Value)) return false;
                    }
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!StringsDecode(item)) return false;
                    }
                    return true;
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
