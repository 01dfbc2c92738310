using System.Text.RegularExpressions;

namespace Repurch.Api.Features.Trust;

/// <summary>
/// Shapes that are what they are without words around them: email addresses (also
/// <c>name @ gmail</c> once the normaliser has read a spelt-out "at" and "dot"), a sort code with
/// an account number (<c>20-45-77 41234567</c>), card numbers that pass the Luhn check, and
/// crypto wallet addresses.
/// </summary>
internal static partial class PatternDetector
{
    private const string Providers = "gmail|googlemail|hotmail|yahoo|outlook|icloud|aol|live|protonmail|proton|btinternet|sky|virginmedia|msn|mail|gmx|yandex|zoho";

    [GeneratedRegex(@"[a-z0-9][a-z0-9._%+'-]*\s?@\s?(?:[a-z0-9-]+\.)+[a-z]{2,}\b|[a-z0-9][a-z0-9._%+-]*\s?@\s?(?:" + Providers + @")\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    // NonBacktracking: linear in the text, where a long run of address characters before an @ made backtracking quadratic.
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"(?<![\d-])\d{2}[\s.-]?\d{2}[\s.-]?\d{2}\W{1,4}(?:(?:account|acc|acct|a/c)\W*(?:no|number|num)?\W*)?\d{4}[\s-]?\d{4}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex SortAndAccount();

    [GeneratedRegex(@"(?<![\d-])(?:\d[\s-]?){12,18}\d(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"\b(?:bc1[a-z0-9]{25,59}|[13][a-km-z1-9]{25,34}|0x[0-9a-f]{40}|t[a-z1-9]{33})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Wallet();

    [GeneratedRegex(@"\bgb\d{2}\s?[a-z]{4}\s?(?:\d{4}\s?){3}\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Iban();

    public static void Detect(NormalisedText t, List<Finding> found)
    {
        var s = t.Text;
        if (s.Contains('@'))
        {
            foreach (Match m in EmailRegex().Matches(s)) found.Add(new(SignalTypes.EmailAddress, m.Index, m.Index + m.Length));
            // Leet inside the address (j0hn.sm1th @ gma1l . c0m) reads as letters in the leet view.
            foreach (Match m in EmailRegex().Matches(t.Leet))
            {
                if (!found.Any(f => f.Type == SignalTypes.EmailAddress && f.Start < m.Index + m.Length && m.Index < f.End))
                    found.Add(new(SignalTypes.EmailAddress, m.Index, m.Index + m.Length));
            }
        }
        foreach (Match m in SortAndAccount().Matches(s)) found.Add(new(SignalTypes.BankDetails, m.Index, m.Index + m.Length));
        foreach (Match m in Iban().Matches(s)) found.Add(new(SignalTypes.BankDetails, m.Index, m.Index + m.Length));
        foreach (Match m in LongNumber().Matches(s))
        {
            if (IsCard(m.ValueSpan)) found.Add(new(SignalTypes.CardNumber, m.Index, m.Index + m.Length));
        }
        foreach (Match m in Wallet().Matches(s))
        {
            // A wallet address mixes letters and digits; a long word never does.
            var v = m.ValueSpan;
            if (v.IndexOfAnyInRange('0', '9') >= 0 && v.IndexOfAnyInRange('a', 'z') >= 0 && CountDigits(v) >= 4)
                found.Add(new(SignalTypes.Crypto, m.Index, m.Index + m.Length));
        }
    }

    private static int CountDigits(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s) if (char.IsAsciiDigit(c)) n++;
        return n;
    }

    /// <summary>13 to 19 digits from a card network's range that pass the Luhn check.</summary>
    private static bool IsCard(ReadOnlySpan<char> s)
    {
        Span<int> d = stackalloc int[19];
        var n = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) continue;
            if (n == 19) return false;
            d[n++] = c - '0';
        }
        if (n < 13 || d[0] is not (2 or 3 or 4 or 5 or 6)) return false;
        var sum = 0;
        for (var i = 0; i < n; i++)
        {
            var x = d[n - 1 - i];
            if (i % 2 == 1)
            {
                x *= 2;
                if (x > 9) x -= 9;
            }
            sum += x;
        }
        return sum % 10 == 0;
    }
}
