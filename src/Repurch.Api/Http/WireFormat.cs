using System.Globalization;

namespace Repurch.Api.Http;

/// <summary>How values are written on the wire, the same in every response.</summary>
public static class WireFormat
{
    /// <summary>A UTC instant to the second, with an explicit <c>+00:00</c> offset (the spec's timestamp form).</summary>
    public static string Timestamp(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>The same, or null for a time that has not happened.</summary>
    public static string? Timestamp(DateTimeOffset? t) => t is { } v ? Timestamp(v) : null;
}
