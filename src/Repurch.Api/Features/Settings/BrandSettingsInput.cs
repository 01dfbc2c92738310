using System.Text.RegularExpressions;
using Repurch.Api.Http;

namespace Repurch.Api.Features.Settings;

/// <summary>
/// The formats of the brand profile and billing entity fields (the body itself is read by
/// <see cref="FieldReader"/>): each returns the normalised value, or null when the text is not one.
/// </summary>
public static partial class BrandSettingsInput
{
    public const int MaxEmail = FieldFormats.MaxEmail;

    public static string? Email(string s) => FieldFormats.Email(s);

    public static string? Phone(string s) => FieldFormats.Phone(s);

    /// <summary>An absolute <c>https</c> URL with a host and no credentials, at most 2048 characters; stored as given.</summary>
    public static string? HttpsUrl(string s)
    {
        if (s.Length > 2048 || s.Any(char.IsWhiteSpace)) return null;
        if (!Uri.TryCreate(s, UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host) || uri.UserInfo.Length > 0) return null;
        return s;
    }

    /// <summary><c>#</c> and six hex digits; stored upper-case (<c>#1f4fd9</c> becomes <c>#1F4FD9</c>) so one colour has one spelling.</summary>
    public static string? HexColour(string s) =>
        HexColourShape().IsMatch(s) ? s.ToUpperInvariant() : null;

    /// <summary>The country every billing address has unless told otherwise.</summary>
    public const string UnitedKingdom = "United Kingdom";

    private static readonly string[] UkNames = ["united kingdom", "uk", "gb", "great britain", "united kingdom of great britain and northern ireland"];
    private static readonly string[] UkNations = ["england", "scotland", "wales", "northern ireland"];

    /// <summary>Common spellings of the UK (<c>UK</c>, <c>U.K.</c>, <c>GB</c>, <c>Great Britain</c>) become <c>United Kingdom</c>; anything else is kept as given.</summary>
    public static string Country(string s)
    {
        var key = Spaces().Replace(s.Replace(".", "", StringComparison.Ordinal), " ").Trim().ToLowerInvariant();
        return UkNames.Contains(key) ? UnitedKingdom : s;
    }

    /// <summary>Whether postcodes for this country follow the UK format (the UK and its four nations).</summary>
    public static bool UsesUkPostcodes(string country)
    {
        var key = Spaces().Replace(country.Replace(".", "", StringComparison.Ordinal), " ").Trim().ToLowerInvariant();
        return UkNames.Contains(key) || UkNations.Contains(key);
    }

    public static string? UkPostcode(string s) => FieldFormats.UkPostcode(s);

    /// <summary>A postcode outside the UK: letters, digits, spaces and hyphens, 2 to 10 characters, kept as given.</summary>
    public static string? OtherPostcode(string s)
    {
        s = Spaces().Replace(s, " ");
        return OtherPostcodeShape().IsMatch(s) ? s : null;
    }

    /// <summary>
    /// A Companies House number, stored as its 8 characters: 8 digits (England and Wales), or a
    /// two-letter register prefix (<c>SC</c>, <c>NI</c>, <c>OC</c>, <c>SO</c>, <c>NC</c>, <c>LP</c>,
    /// <c>FC</c>, …) or <c>R0</c> followed by 6 digits. Spaces are ignored and letters upper-cased.
    /// A digits-only number of 6 or 7 digits is left-padded with zeros, since people often drop the
    /// leading zeros (<c>7412358</c> is stored as <c>07412358</c>). All zeros is not a number.
    /// </summary>
    public static string? CompanyNumber(string s)
    {
        var compact = Spaces().Replace(s, "").ToUpperInvariant();
        if (compact.Length is 6 or 7 && compact.All(char.IsAsciiDigit)) compact = compact.PadLeft(8, '0');
        if (!CompanyNumberShape().IsMatch(compact)) return null;
        var serial = compact.All(char.IsAsciiDigit) ? compact : compact[2..];
        return serial.All(c => c == '0') ? null : compact;
    }

    /// <summary>
    /// A UK VAT registration number, stored without spaces and upper-cased: <c>GB</c> + 9 digits,
    /// <c>GB</c> + 12 digits (a branch trader), <c>GBGD</c> + 3 digits below 500 (government
    /// departments) or <c>GBHA</c> + 3 digits from 500 (health authorities). <c>XI</c> in place of
    /// <c>GB</c> (Northern Ireland goods trade) is accepted for the 9 and 12 digit forms. Digits
    /// without a prefix get <c>GB</c>. The check digits are not verified: HMRC's own
    /// documentation uses numbers such as <c>GB123456789</c> that would fail them.
    /// </summary>
    public static string? VatNumber(string s)
    {
        var compact = Spaces().Replace(s, "").ToUpperInvariant();
        if (compact.Length is 9 or 12 && compact.All(char.IsAsciiDigit)) compact = "GB" + compact;
        var m = VatShape().Match(compact);
        if (!m.Success) return null;
        if (m.Groups["gd"].Success && int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 500) return null;
        if (m.Groups["ha"].Success && int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) < 500) return null;
        return compact;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColourShape();

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9 -]{0,8}[A-Za-z0-9])$")]
    private static partial Regex OtherPostcodeShape();

    [GeneratedRegex("^(?:[0-9]{8}|[A-Z]{2}[0-9]{6}|R0[0-9]{6})$")]
    private static partial Regex CompanyNumberShape();

    [GeneratedRegex("^(?:(?:GB|XI)(?:[0-9]{9}|[0-9]{12})|GB(?:(?<gd>GD)|(?<ha>HA))(?<n>[0-9]{3}))$")]
    private static partial Regex VatShape();
}
