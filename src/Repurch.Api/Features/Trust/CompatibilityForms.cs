using System.Collections.Frozen;
using System.Globalization;

namespace Repurch.Api.Features.Trust;

/// <summary>
/// The compatibility forms a disguise uses, folded without ICU: the app runs with invariant
/// globalization, where <see cref="string.Normalize(System.Text.NormalizationForm)"/> leaves
/// non-ASCII text as it is, so NFKD alone would let fullwidth (<c>ＯＴＰ</c>), circled
/// (<c>⓪⑦⑨</c>), mathematical (<c>𝐰𝐡𝐚𝐭𝐬𝐚𝐩𝐩</c>), enclosed and accented letters (<c>whåtsäpp</c>) through.
/// Each code point maps to lower-case ASCII letters or digits, or to null when it is not one of these.
/// </summary>
internal static class CompatibilityForms
{
    // U+00C0..U+00FF then U+0100..U+017F: the base letter of each accented Latin letter ("" keeps the character).
    private static readonly string[] Latin = BuildLatin();

    private static readonly FrozenDictionary<int, string> Letterlike = new Dictionary<int, string>
    {
        [0x210E] = "h", [0x210F] = "h", [0x210A] = "g", [0x2113] = "l", [0x212C] = "b", [0x2130] = "e", [0x2131] = "f", [0x210B] = "h",
        [0x2110] = "i", [0x2112] = "l", [0x2133] = "m", [0x211B] = "r", [0x212F] = "e", [0x2134] = "o", [0x2102] = "c", [0x210D] = "h",
        [0x2115] = "n", [0x2119] = "p", [0x211A] = "q", [0x211D] = "r", [0x2124] = "z", [0x212D] = "c", [0x210C] = "h", [0x2111] = "i",
        [0x211C] = "r", [0x2128] = "z", [0x2139] = "i", [0x2145] = "d", [0x2146] = "d", [0x2147] = "e", [0x2148] = "i", [0x2149] = "j",
        [0x212A] = "k", [0x212B] = "a",
        // superscript and subscript letters
        [0x1D43] = "a", [0x1D47] = "b", [0x1D9C] = "c", [0x1D48] = "d", [0x1D49] = "e", [0x1DA0] = "f", [0x1D4D] = "g", [0x02B0] = "h",
        [0x2071] = "i", [0x02B2] = "j", [0x1D4F] = "k", [0x02E1] = "l", [0x1D50] = "m", [0x207F] = "n", [0x1D52] = "o", [0x1D56] = "p",
        [0x02B3] = "r", [0x02E2] = "s", [0x1D57] = "t", [0x1D58] = "u", [0x1D5B] = "v", [0x02B7] = "w", [0x02E3] = "x", [0x02B8] = "y",
        [0x1DBB] = "z", [0x2090] = "a", [0x2091] = "e", [0x2092] = "o", [0x2093] = "x", [0x2095] = "h", [0x2096] = "k", [0x2097] = "l",
        [0x2098] = "m", [0x2099] = "n", [0x209A] = "p", [0x209B] = "s", [0x209C] = "t",
        // ligatures
        [0xFB00] = "ff", [0xFB01] = "fi", [0xFB02] = "fl", [0xFB03] = "ffi", [0xFB04] = "ffl", [0xFB05] = "st", [0xFB06] = "st",
    }.ToFrozenDictionary();

    public static string? Fold(int cp)
    {
        switch (cp)
        {
            case >= 0xC0 and <= 0x17F:
                return Latin[cp - 0xC0] is { Length: > 0 } l ? l : null;
            case >= 0xFF01 and <= 0xFF5E: // fullwidth ASCII
                return char.ToLowerInvariant((char)(cp - 0xFEE0)).ToString();
            case >= 0x1D400 and <= 0x1D6A3: // mathematical alphanumerics: 13 styles of A-Z a-z
                return Letter((cp - 0x1D400) % 52 % 26);
            case >= 0x249C and <= 0x24B5: // parenthesized a-z
                return Letter(cp - 0x249C);
            case >= 0x24B6 and <= 0x24CF: // circled A-Z
                return Letter(cp - 0x24B6);
            case >= 0x24D0 and <= 0x24E9: // circled a-z
                return Letter(cp - 0x24D0);
            case >= 0x1F110 and <= 0x1F189: // parenthesized, circled, squared and negative squared A-Z
                return (cp - 0x1F110) % 32 is var k and < 26 ? Letter(k) : null;
            case >= 0x1F1E6 and <= 0x1F1FF: // regional indicators
                return Letter(cp - 0x1F1E6);
        }
        if (Letterlike.TryGetValue(cp, out var s)) return s;
        // Circled, parenthesized, superscript and dingbat digits (and numbers to 20) as their digits.
        var text = char.ConvertFromUtf32(cp);
        if (CharUnicodeInfo.GetUnicodeCategory(text, 0) == UnicodeCategory.OtherNumber)
        {
            var v = CharUnicodeInfo.GetNumericValue(text, 0);
            if (v is >= 0 and <= 20 && v == Math.Floor(v)) return ((int)v).ToString(CultureInfo.InvariantCulture);
        }
        return null;
    }

    private static string Letter(int i) => ((char)('a' + i)).ToString();

    private static string[] BuildLatin()
    {
        // U+00C0..U+00FF, one entry per code point; "" for × ÷ Þ þ.
        var latin1 = "a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y _ ss a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y _ y";
        // U+0100..U+017F in runs: base letters and how many code points each covers.
        var extendedA = "a6 c8 d4 e10 g8 h4 i10 ij2 j2 k3 l10 n9 o6 oe2 r6 s8 t6 u12 w2 y3 z6 s1";
        var list = latin1.Split(' ').Select(x => x == "_" ? "" : x).ToList();
        foreach (var run in extendedA.Split(' '))
        {
            var n = run.AsSpan().IndexOfAnyInRange('0', '9');
            list.AddRange(Enumerable.Repeat(run[..n], int.Parse(run[n..], CultureInfo.InvariantCulture)));
        }
        if (list.Count != 0x180 - 0xC0) throw new InvalidOperationException($"Latin table has {list.Count} entries");
        return [.. list];
    }
}
