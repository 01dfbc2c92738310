using System.Globalization;
using System.Text.RegularExpressions;

namespace Repurch.Api.Features.Settings;

/// <summary>Host names brands may map to their storefronts, in the one form they are stored and matched in.</summary>
public static partial class HostNames
{
    public const int MaxLength = 253;

    /// <summary>The platform's own names: a brand can never claim them or a name under them.</summary>
    public static readonly string[] Reserved = ["repurch.com", "sofalistic.co.uk", "localhost"];

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>
    /// Lower-case ASCII with international labels in Punycode and no trailing dot, or null when it is not a
    /// plain DNS host name of at least two labels (no scheme, port, path, IP address or wildcard).
    /// </summary>
    public static string? Normalise(string raw)
    {
        var host = raw.Trim().TrimEnd('.').ToLowerInvariant();
        if (host.Length is 0 or > MaxLength) return null;
        try
        {
            host = Idn.GetAscii(host).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
        if (host.Length > MaxLength || !HostPattern().IsMatch(host)) return null;
        // The last label of a real name has a letter: 192.168.0.1 is an address, not a host name.
        return host[(host.LastIndexOf('.') + 1)..].Any(char.IsAsciiLetter) ? host : null;
    }

    public static bool IsReserved(string host) =>
        Reserved.Any(r => host == r || host.EndsWith("." + r, StringComparison.Ordinal));

    /// <summary>The name the TXT record goes on.</summary>
    public static string ChallengeName(string host) => "_repurch-challenge." + host;

    [GeneratedRegex("^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostPattern();
}
