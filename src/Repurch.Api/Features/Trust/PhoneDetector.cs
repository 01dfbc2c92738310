using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Repurch.Api.Features.Trust;

/// <summary>
/// Phone numbers in any spacing: every run of digits (with spaces, dots, dashes, brackets and line
/// breaks between, a leading <c>+</c>, and an O or an l standing for 0 or 1 next to a digit) is a
/// candidate; libphonenumber says whether it is a number (GB by default, or the country of a
/// <c>+</c>/<c>00</c> prefix). What a run is labelled as (an order, a SKU, a tracking reference) and
/// what follows it (units) rule it out, and a number must be dialable as written: national with
/// its 0, or international with its prefix.
/// </summary>
internal static partial class PhoneDetector
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    [GeneratedRegex(@"(?:order|ord|ref|reference|invoice|sku|model|serial|tracking|batch|part|product|barcode|ean|upc|isbn|item|lot|po|bs|en|iso|case|ticket|booking|receipt|account|acc|acct|a/c|warranty|guarantee|licence|license|registration|reg|vin|imei|membership|policy|claim|parcel|consignment|voucher|code)(?:\s*(?:no|number|num|nr|#|id|code|ref))?\.?[\s:#=_-]{0,3}$|[#_/]$|£\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelBefore();

    [GeneratedRegex(@"^\s?(?:cm|mm|m\b|kg|g\b|x\s?\d|inch|in\b|""|'|%|ft|gbp|pounds|quid|p\b|ml|l\b|litre|seater|sqm|sq)", RegexOptions.CultureInvariant)]
    private static partial Regex UnitAfter();

    [GeneratedRegex(@"\b(?:call|ring|phone|text|txt|tel|mob|mobile|number|num|no|contact|reach|whats ?app|wa|telegram|signal|sms|msg|message|cell|digits|bell)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ContactCue();

    public static void Detect(NormalisedText t, List<Finding> found)
    {
        var s = t.Text;
        var digits = new StringBuilder(20);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var plus = c == '+' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]);
            var leetStart = c is 'o' && IsLeetDigit(s, i) && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]);
            if (!char.IsAsciiDigit(c) && !plus && !leetStart && !(c == '(' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
            {
                i++;
                continue;
            }
            // A digit inside a word or a longer token (ord_123, abc123, wr-0791) is not the start of a number.
            if (i > 0 && (char.IsAsciiLetter(s[i - 1]) || s[i - 1] is '_' or '#' or '/' or '£' or '$' or '€' or '.' or ',' or ':') && !IsLeetDigit(s, i - 1)
                || i > 1 && s[i - 1] == '-' && char.IsAsciiLetter(s[i - 2]))
            {
                // Always move on: a '(' or '+' after a letter (=SUM(1+1)) is no token to skip, and staying put looped forever.
                i = Math.Max(i + 1, SkipToken(s, i));
                continue;
            }
            digits.Clear();
            var start = i;
            var last = -1;
            var gap = 0;
            var j = plus || c == '(' ? i + 1 : i;
            while (j < s.Length)
            {
                var ch = s[j];
                if (char.IsAsciiDigit(ch))
                {
                    digits.Append(ch);
                    last = j;
                    gap = 0;
                }
                else if (ch is 'o' or 'l' or 'i' or 's' && IsLeetDigit(s, j) && (ch != 's' || IsBetweenDigits(s, j)))
                {
                    digits.Append(ch switch { 'o' => '0', 's' => '5', _ => '1' });
                    last = j;
                    gap = 0;
                }
                // Underscores, bars and slashes split a number as spaces do (07_955_331_208, 07|912|883|045).
                else if (ch is ' ' or '.' or '-' or '(' or ')' or '\n' or '\r' or '\t' or '_' or '|' or '/' && gap < 3)
                {
                    gap++;
                }
                else break;
                j++;
            }
            if (last < 0)
            {
                i = j + 1;
                continue;
            }
            if (IsPhone(s, start, last + 1, plus, digits.ToString())) found.Add(new(SignalTypes.PhoneNumber, start, last + 1));
            i = last + 1;
        }
    }

    /// <summary>An o, l or i between or beside digits, not part of a word (0 and 1 typed as letters).</summary>
    private static bool IsLeetDigit(string s, int j)
    {
        var prevDigit = j > 0 && char.IsAsciiDigit(s[j - 1]);
        var nextDigit = j + 1 < s.Length && char.IsAsciiDigit(s[j + 1]);
        var prevLetter = j > 0 && char.IsAsciiLetter(s[j - 1]);
        var nextLetter = j + 1 < s.Length && char.IsAsciiLetter(s[j + 1]);
        return (prevDigit || nextDigit) && !prevLetter && !nextLetter;
    }

    private static bool IsBetweenDigits(string s, int j) => j > 0 && j + 1 < s.Length && char.IsAsciiDigit(s[j - 1]) && char.IsAsciiDigit(s[j + 1]);

    private static int SkipToken(string s, int i)
    {
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '_' or '-' or '.' or ',' or '/' or ':')) i++;
        return i;
    }

    private static string Around(string s, int start, int end) =>
        s.AsSpan(Math.Max(0, start - 40), Math.Min(s.Length, end + 20) - Math.Max(0, start - 40)).ToString();

    private static bool IsPhone(string s, int start, int end, bool plus, string digits)
    {
        if (digits.Length is < 10 or > 15) return false;
        var before = s.AsSpan(Math.Max(0, start - 24), start - Math.Max(0, start - 24)).ToString();
        if (LabelBefore().IsMatch(before)) return false;
        if (end < s.Length && UnitAfter().IsMatch(s.AsSpan(end, Math.Min(8, s.Length - end)).ToString())) return false;
        // Digits run straight on into letters (a SKU such as 0712345678ab) are a code.
        if (end < s.Length && char.IsAsciiLetter(s[end])) return false;

        string number, region;
        if (plus) (number, region) = ("+" + digits, "ZZ");
        else if (digits.StartsWith("00", StringComparison.Ordinal)) (number, region) = ("+" + digits[2..], "ZZ");
        else if (digits.StartsWith("44", StringComparison.Ordinal) && digits.Length == 12) (number, region) = ("+" + digits, "ZZ");
        else if (digits[0] == '0') (number, region) = (digits, "GB");
        // A UK mobile without its leading 0 (7700 912345) is a number when the message says it is one.
        else if (digits[0] == '7' && digits.Length == 10 && ContactCue().IsMatch(Around(s, start, end))) (number, region) = ("0" + digits, "GB");
        else return false;
        try
        {
            var parsed = Util.Parse(number, region);
            if (Util.IsValidNumber(parsed)) return true;
            // Ranges libphonenumber does not know yet (or fictional ones) still look like a number to a
            // reader: accept a possible number when the message says it is one.
            if (!Util.IsPossibleNumber(parsed)) return false;
            return ContactCue().IsMatch(Around(s, start, end));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
