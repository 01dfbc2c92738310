using System.Globalization;

namespace Repurch.Api.Features.Accounts;

/// <summary>
/// The one form an account's email is stored and compared in: trimmed, the domain in ASCII (IDN
/// names as punycode) and lower-case, and the local part lower-case too. RFC 5321 lets a server treat
/// <c>Sam@</c> and <c>sam@</c> as two mailboxes, but no consumer mail service does, and two accounts
/// that differ only in case would be one person locked out of one of them. The local part is ASCII
/// (RFC 5322 dot-atom); quoted local parts and address literals are refused.
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;
    private const string AtomSpecials = "!#$%&'*+/=?^_`{|}~-";
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>The normalised address, or null when it is not one.</summary>
    public static string? Normalise(string raw)
    {
        var s = raw.Trim();
        var at = s.LastIndexOf('@');
        if (at <= 0 || at == s.Length - 1) return null;
        var local = s[..at];
        var domain = s[(at + 1)..].TrimEnd('.');
        if (local.Length > 64 || !IsDotAtom(local)) return null;
        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
        var labels = ascii.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63 || l[0] == '-' || l[^1] == '-' || !l.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')))
            return null;
        if (labels[^1].All(char.IsAsciiDigit)) return null;
        var address = local.ToLowerInvariant() + "@" + ascii;
        return address.Length <= MaxLength ? address : null;
    }

    /// <summary>The part before the <c>@</c> of a normalised address.</summary>
    public static string LocalPart(string normalised) => normalised[..normalised.LastIndexOf('@')];

    private static bool IsDotAtom(string local)
    {
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal)) return false;
        return local.All(c => char.IsAsciiLetterOrDigit(c) || c == '.' || AtomSpecials.Contains(c));
    }
}
