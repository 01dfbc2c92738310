using Repurch.Api.Http;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Repurch.Api.Features.Settings;

/// <summary>
/// Field-level reading and validation for the brand profile and billing entity bodies. Every
/// reader either returns the normalised value (null meaning "cleared") or adds exactly one
/// <c>&lt;field&gt;_…</c> code to the error list; callers apply nothing unless that list is empty.
/// </summary>
public static partial class BrandSettingsInput
{
    /// <summary>The values a field can take after reading: set to a value (or null = cleared), or failed.</summary>
    public readonly record struct Read(bool Ok, string? Value)
    {
        public static readonly Read Failed = new(false, null);
        public static Read Of(string? value) => new(true, value);
    }

    /// <summary>
    /// Collects the body's fields. Unknown names become <c>&lt;name&gt;_unknown</c> (or
    /// <c>unknown_field</c> when the name is not a plain identifier), a name sent twice becomes
    /// <c>&lt;name&gt;_duplicate</c> so an ambiguous body is never half-understood.
    /// </summary>
    public static Dictionary<string, JsonElement> Fields(JsonElement body, IReadOnlyList<string> allowed, List<string> errors)
    {
        var present = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in body.EnumerateObject())
        {
            string name;
            try
            {
                name = p.Name;
            }
            catch (InvalidOperationException)
            {
                // A property name with an unpaired surrogate escape cannot be read as text.
                AddOnce(errors, "unknown_field");
                continue;
            }
            if (!allowed.Contains(name))
            {
                AddOnce(errors, FieldFormats.UnknownFieldCode(name));
                continue;
            }
            if (!present.TryAdd(name, p.Value)) AddOnce(errors, $"{name}_duplicate");
        }
        return present;
    }

    private static void AddOnce(List<string> errors, string code)
    {
        if (!errors.Contains(code)) errors.Add(code);
    }

    /// <summary>
    /// A string (or null) of at most <paramref name="max"/> characters, trimmed. Null, an empty or
    /// an all-blank string clear the field. Other JSON types, control characters (line breaks
    /// too, unless <paramref name="multiline"/>) and unreadable text are <c>&lt;field&gt;_invalid</c>;
    /// over-long text is <c>&lt;field&gt;_too_long</c>.
    /// </summary>
    public static Read Text(JsonElement v, string field, int max, List<string> errors, bool multiline = false)
    {
        if (v.ValueKind == JsonValueKind.Null) return Read.Of(null);
        if (v.ValueKind != JsonValueKind.String) return Fail(errors, $"{field}_invalid");
        string raw;
        try
        {
            raw = v.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Unpaired UTF-16 surrogate escapes ("\ud800"): not text a database can store.
            return Fail(errors, $"{field}_invalid");
        }
        var s = raw.Trim();
        if (s.Length == 0) return Read.Of(null);
        foreach (var c in s)
        {
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')) return Fail(errors, $"{field}_invalid");
        }
        // Counted in Unicode scalar values, as PostgreSQL counts varchar(n).
        if (s.EnumerateRunes().Count() > max) return Fail(errors, $"{field}_too_long");
        return Read.Of(s);
    }

    /// <summary>
    /// Runs <paramref name="format"/> on the text of a field that passed <see cref="Text"/> and is
    /// not cleared. The format owns the length limit, so every failure is <c>&lt;field&gt;_invalid</c>.
    /// </summary>
    public static Read Formatted(JsonElement v, string field, List<string> errors, Func<string, string?> format)
    {
        var text = Text(v, field, int.MaxValue, errors);
        if (!text.Ok || text.Value is null) return text;
        return format(text.Value) is { } formatted ? Read.Of(formatted) : Fail(errors, $"{field}_invalid");
    }

    private static Read Fail(List<string> errors, string code)
    {
        errors.Add(code);
        return Read.Failed;
    }

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
