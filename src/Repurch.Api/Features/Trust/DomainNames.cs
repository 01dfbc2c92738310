using System.Globalization;
using System.Text.RegularExpressions;

namespace Repurch.Api.Features.Trust;

/// <summary>Domain names as a policy holds them: lower case, ASCII (IDNA), no scheme, port, path or trailing dot.</summary>
internal static partial class DomainNames
{
    public const int MaxLength = 253;

    [GeneratedRegex(@"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>The domain in its stored form, or null when <paramref name="s"/> is not a plain domain name (a URL, an address, a wildcard, an IP).</summary>
    public static string? Normalise(string s)
    {
        s = s.Trim().TrimEnd('.');
        if (s.Length is 0 or > MaxLength) return null;
        string ascii;
        try
        {
            ascii = Idn.GetAscii(s).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
        return Shape().IsMatch(ascii) ? ascii : null;
    }
}
