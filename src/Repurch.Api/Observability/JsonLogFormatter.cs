using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Repurch.Api.Observability;

/// <summary>
/// One JSON object per line: <c>timestamp, level, category, message</c>, the scope fields flattened
/// (<c>brand_id, plane, request_id, trace_id, span_id</c>, …), the message's own arguments under
/// <c>fields</c>, and <c>exception</c>. Nothing is logged with a secret on purpose; as a second line of
/// defence every string passes <see cref="LogRedaction.Redact"/> on the way out.
/// </summary>
public sealed class JsonLogFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "repurch-json";

    // Hosting's and the logger factory's scope names, spelled like ours.
    private static readonly Dictionary<string, string> ScopeNames = new(StringComparer.Ordinal)
    {
        ["TraceId"] = "trace_id", ["SpanId"] = "span_id", ["ParentId"] = "parent_id",
        ["RequestId"] = "request_id", ["RequestPath"] = "path", ["ConnectionId"] = "connection_id",
    };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null) return;
        var buffer = new ArrayBufferWriter<byte>(512);
        // Relaxed escaping: a log line is not HTML, and \u0027 for an apostrophe only hurts reading.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("level", LevelName(logEntry.LogLevel));
            json.WriteString("category", logEntry.Category);
            if (logEntry.EventId.Id != 0) json.WriteNumber("event_id", logEntry.EventId.Id);
            json.WriteString("message", LogRedaction.Redact(message ?? ""));

            var written = new HashSet<string>(StringComparer.Ordinal) { "timestamp", "level", "category", "event_id", "message", "fields", "exception" };
            scopeProvider?.ForEachScope((scope, state) =>
            {
                if (scope is not IEnumerable<KeyValuePair<string, object?>> pairs) return;
                foreach (var (key, value) in pairs)
                {
                    if (key.StartsWith('{') || value is null) continue;
                    var name = ScopeNames.GetValueOrDefault(key, key);
                    if (state.Add(name)) WriteValue(json, name, value);
                }
            }, written);

            if (logEntry.State is IEnumerable<KeyValuePair<string, object?>> fields)
            {
                var any = false;
                foreach (var (key, value) in fields)
                {
                    if (key.StartsWith('{')) continue;
                    if (!any) json.WriteStartObject("fields");
                    any = true;
                    WriteValue(json, key, value);
                }
                if (any) json.WriteEndObject();
            }
            if (logEntry.Exception is { } e) json.WriteString("exception", LogRedaction.Redact(e.ToString()));
            json.WriteEndObject();
        }
        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(name); break;
            case bool b: json.WriteBoolean(name, b); break;
            case int or long or short or byte or uint or ulong or ushort:
                json.WriteNumber(name, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case double d when double.IsFinite(d): json.WriteNumber(name, d); break;
            case float f when float.IsFinite(f): json.WriteNumber(name, f); break;
            case decimal m: json.WriteNumber(name, m); break;
            default:
                json.WriteString(name, LogRedaction.Redact(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                break;
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace", LogLevel.Debug => "debug", LogLevel.Information => "information",
        LogLevel.Warning => "warning", LogLevel.Error => "error", LogLevel.Critical => "critical", _ => "none",
    };
}
