namespace Repurch.Api.Observability;

/// <summary>The per-request log scope; structured, so JSON logs and OTLP get each field by name.</summary>
public sealed class RequestLogScope(string? brandId, string? plane, string requestId, string? traceId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields =
    [
        new("brand_id", brandId),
        new("plane", plane),
        new("request_id", requestId),
        new("trace_id", traceId),
    ];

    public KeyValuePair<string, object?> this[int index] => _fields[index];
    public int Count => _fields.Length;
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    public override string ToString() => $"brand_id:{brandId} plane:{plane} request_id:{requestId} trace_id:{traceId}";
}
