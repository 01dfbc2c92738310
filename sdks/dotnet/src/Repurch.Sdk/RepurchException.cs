using System.Net.Http.Headers;
using System.Text.Json;

namespace Repurch.Sdk;

/// <summary>
/// Any answer outside 2xx (after the retries the client allows), with the API's error body
/// <c>{code, message, data}</c> and the <c>Request-Id</c> header to quote to support.
/// </summary>
public sealed class RepurchException : Exception
{
    public RepurchException(int status, string code, string message, JsonElement? data, string? requestId, HttpResponseHeaders? headers = null)
        : base(message)
    {
        Status = status;
        Code = code;
        Data = data;
        RequestId = requestId;
        Headers = headers;
    }

    public RepurchException()
        : this(0, "unknown", "unknown error", null, null)
    {
    }

    public RepurchException(string message)
        : this(0, "unknown", message, null, null)
    {
    }

    public RepurchException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "unknown";
    }

    public int Status { get; }

    /// <summary>The API's error code, e.g. <c>code_already_redeemed</c>; <c>http_&lt;status&gt;</c> when the body is not the API's shape.</summary>
    public string Code { get; }

    /// <summary>The error's <c>data</c> object (<c>status</c>, and <c>errors</c> or <c>param</c> when given).</summary>
    public new JsonElement? Data { get; }

    /// <summary>The API's <c>Request-Id</c> for this answer (the id in its logs).</summary>
    public string? RequestId { get; }

    public HttpResponseHeaders? Headers { get; }

    /// <summary>Reads the error shape from an answer; a body that is not that shape (a proxy's page) keeps the status.</summary>
    public static async Task<RepurchException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var requestId = response.Headers.TryGetValues("Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
            {
                var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
                JsonElement? data = root.TryGetProperty("data", out var d) ? d.Clone() : null;
                return new RepurchException(status, code.GetString()!, message, data, requestId, response.Headers);
            }
        }
        catch (JsonException)
        {
            // Not JSON: the generic shape below.
        }
        var fallback = text.Length > 200 ? text[..200] : text;
        return new RepurchException(status, $"http_{status}", fallback.Length > 0 ? fallback : response.ReasonPhrase ?? "", null, requestId, response.Headers);
    }
}
