using System.Text.Json;
using Repurch.Api.Errors;

namespace Repurch.Api.Http;

/// <summary>
/// Reads a request body as a JSON object with a size cap. Endpoints then read its fields with
/// <see cref="FieldReader"/>, so a wrong type becomes a field-level code (e.g. <c>price_gbp_invalid</c>)
/// instead of a framework error.
/// </summary>
public static class JsonBody
{
    public const long DefaultLimit = 256 * 1024;

    public sealed record Result(JsonDocument? Document, ApiErrorResult? Error, bool Empty)
    {
        public JsonElement Root => Document!.RootElement;
    }

    /// <summary>Reads the body up to the endpoint's <see cref="RequestBodyLimit"/>.</summary>
    public static Task<Result> ReadObjectAsync(HttpRequest request, CancellationToken ct = default) =>
        ReadObjectAsync(request, [], ct);

    /// <summary>
    /// As above; <paramref name="fileFields"/> are top-level fields whose text is a whole file (a CSV),
    /// where a control character belongs to one row and the endpoint refuses that row itself.
    /// </summary>
    public static async Task<Result> ReadObjectAsync(HttpRequest request, IReadOnlyCollection<string> fileFields, CancellationToken ct = default)
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
        var controls = new List<string>();
        if (!Scan(doc.RootElement, null, false, controls, fileFields))
        {
            doc.Dispose();
            return new(null, Problems.InvalidJson("a string is not valid UTF-8 or has an unpaired \\u surrogate escape."), false);
        }
        if (controls.Count > 0)
        {
            doc.Dispose();
            var prefix = HttpMethods.IsPatch(request.Method) ? "Update rejected" : "Request rejected";
            return new(null, Problems.Validation(prefix, controls), false);
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
    /// Whether every property name and string value converts to .NET text, collecting a code for each
    /// field whose text holds a control character. The parser lets invalid UTF-8 and unpaired
    /// <c>\uD800</c>-style escapes through inside strings; reading one later throws
    /// <see cref="InvalidOperationException"/> deep in an endpoint (a 500), so refuse them here.
    /// Control characters (an escaped NUL above all) are refused here too, once for every endpoint:
    /// PostgreSQL rejects NUL in text and jsonb (a 500 at the insert), and the rest are never meant.
    /// A string's field is the path of property names down to it joined with <c>_</c>
    /// (<c>buyer.name</c> is <c>buyer_name_invalid</c>); inside an array it is the array's field
    /// (<c>images_invalid</c>). A property name with a control character is <c>unknown_field</c>,
    /// since no endpoint has such a field and hostile names are never echoed.
    /// Recursion is bounded by the parser's MaxDepth.
    /// </summary>
    private static bool Scan(JsonElement element, string? path, bool inArray, List<string> codes, IReadOnlyCollection<string> fileFields)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in element.EnumerateObject())
                    {
                        var name = p.Name;
                        if (HasControl(name)) Add(codes, "unknown_field");
                        var child = inArray ? path : path is null ? name : $"{path}_{name}";
                        if (path is null && fileFields.Contains(name))
                        {
                            // Still decoded (a string that is not text is refused), not judged character by character.
                            if (p.Value.ValueKind == JsonValueKind.String) _ = p.Value.GetString();
                            continue;
                        }
                        if (!Scan(p.Value, child, inArray, codes, fileFields)) return false;
                    }
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!Scan(item, path, true, codes, fileFields)) return false;
                    }
                    return true;
                case JsonValueKind.String:
                    if (HasControl(element.GetString()!)) Add(codes, FieldFormats.InvalidFieldCode(path ?? ""));
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

    /// <summary>
    /// C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F) other than TAB, LF and CR, which
    /// multi-line text needs. Fields that must be single-line (a title) refuse those in their reader.
    /// </summary>
    public static bool HasControl(string s)
    {
        foreach (var c in s)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return true;
        }
        return false;
    }

    private static void Add(List<string> codes, string code)
    {
        if (!codes.Contains(code)) codes.Add(code);
    }
}
