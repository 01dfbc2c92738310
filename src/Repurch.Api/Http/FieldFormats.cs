using System.Text.RegularExpressions;

namespace Repurch.Api.Http;

/// <summary>
/// Field rules every body validator shares, so an email, phone or postcode that one endpoint
/// accepts is accepted by all of them, and unknown fields are named the same way everywhere.
/// </summary>
public static partial class FieldFormats
{
    public const int MaxEmail = 254;

    /// <summary>Length in characters (Unicode scalar values), as PostgreSQL counts <c>varchar(n)</c>: an emoji is one, not two.</summary>
    public static int Length(string s)
    {
        var n = 0;
        foreach (var _ in s.EnumerateRunes()) n++;
        return n;
    }

    /// <summary><c>&lt;field&gt;_unknown</c> for a plain field name, else <c>unknown_field</c> (hostile names are never echoed).</summary>
    public static string UnknownFieldCode(string name) => SafeFieldName().IsMatch(name) ? $"{name}_unknown" : "unknown_field";

    /// <summary><c>&lt;field&gt;_invalid</c> for a plain field name, else <c>unknown_field</c> (no endpoint has such a field).</summary>
    public static string InvalidFieldCode(string name) => SafeFieldName().IsMatch(name) ? $"{name}_invalid" : "unknown_field";

    /// <summary>
    /// A single plain address (<c>local@domain.tld</c>, ASCII; internationalised domains in their
    /// punycode form), at most 254 characters with a local part of at most 64. Display names
    /// (<c>Name &lt;a@b&gt;</c>) and lists are not accepted. Returned as given.
    /// </summary>
    public static string? Email(string s)
    {
        if (s.Length > MaxEmail || !EmailShape().IsMatch(s)) return null;
        var local = s[..s.LastIndexOf('@')];
        if (local.Length > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)) return null;
        return s;
    }

    /// <summary>
    /// A phone number as people write it: digits, spaces, <c>-</c>, parentheses and a leading
    /// <c>+</c>, with 7 to 20 digits and balanced, unnested parentheses. Runs of spaces are
    /// collapsed to one; otherwise stored as given (e.g. <c>0115 555 0123</c>, <c>+44 (0)115 555 0123</c>).
    /// </summary>
    public static string? Phone(string s)
    {
        s = Spaces().Replace(s, " ");
        if (s.Length > 40 || !PhoneShape().IsMatch(s)) return null;
        var digits = s.Count(char.IsAsciiDigit);
        if (digits is < 7 or > 20) return null;
        var open = false;
        foreach (var c in s)
        {
            if (c == '(') { if (open) return null; open = true; }
            else if (c == ')') { if (!open) return null; open = false; }
        }
        return open ? null : s;
    }

    /// <summary>
    /// A UK postcode in any case and spacing (<c>ng10 2qq</c>, <c>NG102QQ</c>), returned in the
    /// Royal Mail form: upper case with one space before the inward code (<c>NG10 2QQ</c>).
    /// Checks the letters each position may hold, so <c>NG10 2QC</c> or <c>QA1 1AA</c> fail.
    /// </summary>
    public static string? UkPostcode(string s)
    {
        var compact = Spaces().Replace(s, "").ToUpperInvariant();
        if (!UkPostcodeShape().IsMatch(compact)) return null;
        return $"{compact[..^3]} {compact[^3..]}";
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex SafeFieldName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex PhoneShape();

    // Outward code A9, A99, AA9, AA99, A9A or AA9A with the letters each position allows; inward
    // code 9AA without C, I, K, M, O or V; plus the one historic exception GIR 0AA.
    [GeneratedRegex("^(?:GIR0AA|(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])[0-9][ABD-HJLNP-UW-Z]{2})$")]
    private static partial Regex UkPostcodeShape();
}
