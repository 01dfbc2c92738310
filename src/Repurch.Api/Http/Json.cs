using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Repurch.Api.Http;

public static class Json
{
    /// <summary>
    /// snake_case on the wire, money written without trailing zeros (599, not 599.00), and text as
    /// text: the default encoder escapes HTML-sensitive characters (<c>'</c> as <c>\u0027</c>, <c>&lt;</c>,
    /// <c>&amp;</c>, non-ASCII letters), which only matters for JSON pasted into HTML. Our bodies are
    /// served as application/json, where the relaxed encoder is safe; it still escapes what JSON
    /// requires (quotes, backslashes, control characters).
    /// </summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.NumberHandling = JsonNumberHandling.Strict;
        o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        if (!o.Converters.OfType<MoneyConverter>().Any()) o.Converters.Add(new MoneyConverter());
        return o;
    }
}
