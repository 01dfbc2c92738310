namespace Repurch.Api.Http;

/// <summary>Text the platform sends back in a CSV or spreadsheet (reports, bulk results).</summary>
public static class SpreadsheetText
{
    /// <summary>
    /// A cell can never start a formula: a value starting with = + - @ (or their full-width forms),
    /// tab, CR or LF gets a leading apostrophe. A plain number ("-5", "+44") is data and is left alone.
    /// </summary>
    public static string Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value ?? "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '＝' or '＋' or '－' or '＠')
            return IsPlainNumber(value) ? value : "'" + value;
        return value;
    }

    private static bool IsPlainNumber(string s) =>
        s.Length > 1 && s[0] is '-' or '+' && s.Skip(1).All(c => char.IsAsciiDigit(c) || c == '.') && s.Skip(1).Any(char.IsAsciiDigit) && s.Count(c => c == '.') <= 1;
}
