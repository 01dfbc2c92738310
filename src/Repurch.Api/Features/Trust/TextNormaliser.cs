using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Repurch.Api.Features.Trust;

/// <summary>
/// Turns a message into the form detectors read, keeping where every character came from:
/// <list type="number">
/// <item>each code point: compatibility-decomposed (NFKD, so fullwidth, mathematical, circled and
/// superscript forms become plain letters and digits) with combining marks dropped, confusables at
/// their UTS #39 skeleton, other scripts' digits as ASCII digits, lower case;</item>
/// <item>zero-width, bidi and other invisible format characters removed, odd spaces as a space;</item>
/// <item>letters or digits spread out one by one (<c>w h a t s a p p</c>, <c>0 7 8 4 …</c>) joined up;</item>
/// <item>digits written as words (<c>oh seven nine</c>, <c>double seven</c>) written as digits when
/// enough of them run together to be a number, not a sentence;</item>
/// <item><c>at</c> and <c>dot</c> spelt out in an address (<c>jo at gmail dot com</c>) as <c>@</c> and <c>.</c>.</item>
/// </list>
/// Per-code-point decomposition rather than whole-string NFKC: composition only ever re-joins marks
/// this drops anyway, and a per-character form is what keeps the offset map exact.
/// </summary>
internal static partial class TextNormaliser
{
    private static readonly ConcurrentDictionary<int, string> Folded = new();

    public static NormalisedText Normalise(string original)
    {
        var b = new Builder(original.Length);
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if (c < 0x80)
            {
                b.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c, i, i + 1);
                continue;
            }
            int cp = c, len = 1;
            if (char.IsHighSurrogate(c) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]))
            {
                cp = char.ConvertToUtf32(c, original[i + 1]);
                len = 2;
            }
            foreach (var f in Fold(cp)) b.Append(f, i, i + len);
            i += len - 1;
        }
        var text = b.Build();
        text = JoinSpreadOut(text);
        text = DigitWords(text);
        text = SpeltAddresses(text);
        return text.Finish(original);
    }

    /// <summary>What one code point reads as: empty for an invisible one.</summary>
    private static string Fold(int cp) => Folded.GetOrAdd(cp, static cp =>
    {
        // A lone surrogate (invalid UTF-16 a client can still send) renders as nothing.
        if (cp is >= 0xD800 and <= 0xDFFF) return "";
        if (Confusables.Skeleton(cp) is { } skeleton) return skeleton;
        if (CompatibilityForms.Fold(cp) is { } compat) return compat;
        var s = char.ConvertFromUtf32(cp);
        var category = CharUnicodeInfo.GetUnicodeCategory(s, 0);
        if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            return "";
        // Hangul fillers and the braille blank render as nothing but are letters / symbols.
        if (cp is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x034F) return "";
        if (cp is 0x2028 or 0x2029) return "\n";
        if (category is UnicodeCategory.SpaceSeparator) return " ";
        if (category == UnicodeCategory.DecimalDigitNumber && CharUnicodeInfo.GetDecimalDigitValue(s, 0) is >= 0 and var d)
            return ((char)('0' + d)).ToString();
        var decomposed = s.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var ch = decomposed[i];
            var cat = CharUnicodeInfo.GetUnicodeCategory(decomposed, i);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format) continue;
            if (char.IsSurrogate(ch))
            {
                sb.Append(ch);
                continue;
            }
            if (Confusables.Skeleton(ch) is { } sk) sb.Append(sk);
            else if (cat == UnicodeCategory.DecimalDigitNumber) sb.Append((char)('0' + CharUnicodeInfo.GetDecimalDigitValue(ch)));
            else sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    });

    private static bool IsSpreadSeparator(char c) => c is ' ' or '.' or '-' or '_' or '*' or '|' or '/' or '\t' or '\n' or '\r' or '~' or '+' or ',';

    /// <summary>
    /// Runs of at least four single letters or digits with up to three separator characters between
    /// each (<c>w.h.a.t.s.a.p.p</c>, <c>0 7 7 8 1 - 2 0 4</c>) lose their separators.
    /// </summary>
    private static Builder JoinSpreadOut(Builder t)
    {
        var s = t.Chars;
        var n = t.Length;
        List<int>? drop = null;
        var i = 0;
        while (i < n)
        {
            if (!IsSingle(s, n, i))
            {
                i++;
                continue;
            }
            // A run of singles starting at i.
            var singles = new List<int> { i };
            var j = i + 1;
            int gapStart = -1, gapLength = 0;
            int digitRun = char.IsAsciiDigit(s[i]) ? 1 : 0, letterRun = 1 - digitRun;
            while (true)
            {
                var k = j;
                while (k < n && k - j < 3 && IsSpreadSeparator(s[k])) k++;
                if (k == j || k >= n || !IsSingle(s, n, k)) break;
                // One word or number is spread with one separator throughout: a different gap
                // ("p a i d, c h e c k", "b a n k  t r a n s f e r") is the next word, and a letter
                // after a run of digits ("2 1 8 7 x") is not part of the number.
                if (gapStart < 0) (gapStart, gapLength) = (j, k - j);
                else if (k - j != gapLength || !s.AsSpan(j, k - j).SequenceEqual(s.AsSpan(gapStart, gapLength))) break;
                var digit = char.IsAsciiDigit(s[k]);
                if (digit ? letterRun >= 3 : digitRun >= 3) break;
                (digitRun, letterRun) = digit ? (digitRun + 1, 0) : (0, letterRun + 1);
                singles.Add(k);
                j = k + 1;
            }
            if (singles.Count >= 4)
            {
                drop ??= [];
                for (var x = 0; x < singles.Count - 1; x++)
                {
                    for (var p = singles[x] + 1; p < singles[x + 1]; p++) drop.Add(p);
                }
            }
            i = singles[^1] + 1;
        }
        return drop is null ? t : t.Without(drop);
    }

    /// <summary>A letter or digit standing alone: no letter or digit either side of it.</summary>
    private static bool IsSingle(char[] s, int n, int i) =>
        char.IsAsciiLetterOrDigit(s[i]) && (i == 0 || !char.IsAsciiLetterOrDigit(s[i - 1])) && (i + 1 >= n || !char.IsAsciiLetterOrDigit(s[i + 1]));

    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.Ordinal)
    {
        ["zero"] = "0", ["oh"] = "0", ["o"] = "0", ["nought"] = "0", ["nil"] = "0", ["one"] = "1", ["two"] = "2", ["three"] = "3",
        ["four"] = "4", ["for"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7", ["eight"] = "8", ["nine"] = "9",
    };

    private static readonly Dictionary<string, int> Repeats = new(StringComparer.Ordinal) { ["double"] = 2, ["triple"] = 3, ["treble"] = 3 };

    [GeneratedRegex(@"[a-z]+|[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex TokenRegex();

    /// <summary>
    /// A run of number words and digit groups (<c>oh seven nine four six, two two one</c>,
    /// <c>double seven</c>) with at least two words and six digits in all becomes its digits. Fewer
    /// is ordinary speech ("one or two", "two three-seaters").
    /// </summary>
    private static Builder DigitWords(Builder t)
    {
        var text = new string(t.Chars, 0, t.Length);
        var tokens = TokenRegex().Matches(text);
        List<(int Start, int End, string With)>? edits = null;
        var i = 0;
        while (i < tokens.Count)
        {
            if (!IsNumberToken(tokens[i].Value) || tokens[i].Value is "o" or "for")
            {
                i++;
                continue;
            }
            var digits = new StringBuilder();
            int words = 0, digitTokens = 0, j = i, pendingRepeat = 1;
            var last = i;
            while (j < tokens.Count)
            {
                var v = tokens[j].Value;
                if (j > i && !Joined(text, tokens, j)) break;
                if (Repeats.TryGetValue(v, out var r))
                {
                    pendingRepeat = r;
                    words++;
                }
                else if (NumberWords.TryGetValue(v, out var d))
                {
                    // "for" and "o" are digits only inside a number: "07911 123456 for a discount" ends at 6.
                    if (v is "for" or "o" && !(j + 1 < tokens.Count && IsNumberToken(tokens[j + 1].Value) && Joined(text, tokens, j + 1))) break;
                    digits.Append(d[0], pendingRepeat);
                    pendingRepeat = 1;
                    words++;
                    last = j;
                }
                else if (char.IsAsciiDigit(v[0]))
                {
                    digitTokens++;
                    if (pendingRepeat > 1 && v.Length == 1) digits.Append(v[0], pendingRepeat);
                    else digits.Append(v);
                    pendingRepeat = 1;
                    last = j;
                }
                else break;
                j++;
            }
            // Two number words, or one among digit groups (07 seven 7 5 . 3 3 2), make a number of six digits or more.
            if ((words >= 2 && digits.Length >= 6) || (words >= 1 && digitTokens >= 2 && digits.Length >= 8))
            {
                edits ??= [];
                edits.Add((tokens[i].Index, tokens[last].Index + tokens[last].Length, digits.ToString()));
            }
            i = Math.Max(j, i + 1);
        }
        return edits is null ? t : t.Replace(edits);
    }

    /// <summary>Only spaces and light punctuation between token <paramref name="j"/> and the one before: parts of one number.</summary>
    private static bool Joined(string text, MatchCollection tokens, int j)
    {
        var gap = text.AsSpan(tokens[j - 1].Index + tokens[j - 1].Length, tokens[j].Index - tokens[j - 1].Index - tokens[j - 1].Length);
        return gap.Length <= 3 && !gap.ContainsAnyExcept(" ,.-\n");
    }

    private static bool IsNumberToken(string v) => char.IsAsciiDigit(v[0]) || NumberWords.ContainsKey(v) || Repeats.ContainsKey(v);

    /// <summary>Top-level labels an address spelt out ends with; "dot" before anything else is left alone.</summary>
    private const string Tlds = "com|co|uk|net|org|io|me|info|biz|ly|gl|ru|xyz|online|shop|site|app|link|us|eu|de|fr|cn|tk|top|cc";

    [GeneratedRegex(@"(?<=[a-z0-9])\s*(?:[\(\[\{<]\s*dot\s*[\)\]\}>]|\s+dot\s+|\s*\bdot\b\s*(?=[a-z]))\s*(?=(?:" + Tlds + @")\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SpeltDot();

    private const string SpeltDotForm = @"(?:\s*[\(\[\{<]\s*dot\s*[\)\]\}>]\s*|\s+dot\s+)";

    // "at" between words is only an address when what follows is one: a mail provider, or a domain
    // whose dots are spelt out too. "photos at dave.net" is a link, not an address.
    [GeneratedRegex(@"(?<=[a-z0-9])(?:\s*[\(\[\{<]\s*at\s*[\)\]\}>]\s*|\s+at\s+(?=[a-z0-9-]+" + SpeltDotForm + @"(?:" + Tlds + @")\b|(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|aol|protonmail|proton|btinternet|virginmedia|msn)\b))", RegexOptions.CultureInvariant)]
    private static partial Regex SpeltAt();

    // A mail provider's name broken up after an "at" or "@" (sam at gee mail, jo@hot mail).
    [GeneratedRegex(@"(?<=(?:\bat|@)\s{0,2})(?:(?:gee|g)[\s-]+mail|hot[\s-]+mail|out[\s-]+look|i[\s-]+cloud|ya[\s-]+hoo)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SpeltProvider();

    // A web address with its dots spaced out (w w w . shop . co . uk): only before a top-level label
    // that is not also an everyday word, so "at home . me and" stays prose.
    [GeneratedRegex(@"\bw\s+w\s+w\s*\.\s*|(?<=\bwww)(?:\s+\.\s*|\.\s+)|(?<=[a-z0-9])[ \t]+\.[ \t]+(?=(?:com|co|uk|net|org|io|info|biz|ly|xyz|shop|online|site|store)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedDots();

    private static Builder SpeltAddresses(Builder t)
    {
        var text = new string(t.Chars, 0, t.Length);
        var spaced = new List<(int Start, int End, string With)>();
        foreach (Match m in SpeltProvider().Matches(text)) spaced.Add((m.Index, m.Index + m.Length, m.Value[0] switch { 'g' => "gmail", 'h' => "hotmail", 'o' => "outlook", 'i' => "icloud", _ => "yahoo" }));
        if (text.Contains(" .", StringComparison.Ordinal) || text.Contains(". ", StringComparison.Ordinal))
        {
            foreach (Match m in SpacedDots().Matches(text))
            {
                if (!spaced.Any(e => e.Start < m.Index + m.Length && m.Index < e.End)) spaced.Add((m.Index, m.Index + m.Length, m.Value.StartsWith('w') ? "www." : "."));
            }
        }
        if (spaced.Count > 0)
        {
            spaced.Sort((a, b) => a.Start.CompareTo(b.Start));
            t = t.Replace(spaced);
            text = new string(t.Chars, 0, t.Length);
        }
        if (!text.Contains("dot", StringComparison.Ordinal) && !text.Contains("at", StringComparison.Ordinal)) return t;
        var edits = new List<(int Start, int End, string With)>();
        foreach (Match m in SpeltDot().Matches(text)) edits.Add((m.Index, m.Index + m.Length, "."));
        foreach (Match m in SpeltAt().Matches(text))
        {
            if (!edits.Any(e => e.Start < m.Index + m.Length && m.Index < e.End)) edits.Add((m.Index, m.Index + m.Length, "@"));
        }
        if (edits.Count == 0) return t;
        edits.Sort((a, b) => a.Start.CompareTo(b.Start));
        return t.Replace(edits);
    }

    /// <summary>Leet digits and symbols read as letters, but only inside a word that has letters too.</summary>
    private static string LeetView(char[] s, int n)
    {
        var leet = new char[n];
        Array.Copy(s, leet, n);
        var i = 0;
        while (i < n)
        {
            if (!IsWordish(s[i]))
            {
                i++;
                continue;
            }
            var j = i;
            var letters = 0;
            while (j < n && IsWordish(s[j]))
            {
                if (char.IsAsciiLetter(s[j])) letters++;
                j++;
            }
            // "@" or "$" at a word's edge is punctuation (an address, a price), not a letter.
            if (letters > 0 && letters < j - i)
            {
                for (var k = i; k < j; k++)
                {
                    var edge = k == i || k == j - 1;
                    leet[k] = s[k] switch
                    {
                        '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '8' => 'b', '9' => 'g',
                        '@' when !edge => 'a', '$' when !edge => 's', '!' when !edge => 'i', '|' when !edge => 'l',
                        _ => s[k],
                    };
                }
            }
            i = j;
        }
        return new string(leet);
    }

    private static bool IsWordish(char c) => char.IsAsciiLetterOrDigit(c) || c is '@' or '$' or '!' or '|';

    /// <summary>The normalised text being built, with each character's original range.</summary>
    private sealed class Builder(int capacity)
    {
        public char[] Chars = new char[Math.Max(capacity, 4)];
        public int[] Starts = new int[Math.Max(capacity, 4)];
        public int[] Ends = new int[Math.Max(capacity, 4)];
        public int Length;

        public void Append(char c, int start, int end)
        {
            if (Length == Chars.Length)
            {
                Array.Resize(ref Chars, Length * 2);
                Array.Resize(ref Starts, Length * 2);
                Array.Resize(ref Ends, Length * 2);
            }
            Chars[Length] = c;
            Starts[Length] = start;
            Ends[Length] = end;
            Length++;
        }

        public Builder Build() => this;

        public Builder Without(List<int> drop)
        {
            var next = new Builder(Length);
            var d = 0;
            drop.Sort();
            for (var i = 0; i < Length; i++)
            {
                if (d < drop.Count && drop[d] == i)
                {
                    d++;
                    continue;
                }
                next.Append(Chars[i], Starts[i], Ends[i]);
            }
            return next;
        }

        /// <summary>Replaces each (sorted, disjoint) range; every new character maps to the whole range it replaces.</summary>
        public Builder Replace(List<(int Start, int End, string With)> edits)
        {
            var next = new Builder(Length);
            var e = 0;
            for (var i = 0; i < Length;)
            {
                if (e < edits.Count && edits[e].Start == i)
                {
                    var (s, end, with) = edits[e++];
                    foreach (var c in with) next.Append(c, Starts[s], Ends[end - 1]);
                    i = end;
                    continue;
                }
                next.Append(Chars[i], Starts[i], Ends[i]);
                i++;
            }
            return next;
        }

        public NormalisedText Finish(string original) =>
            new(original, new string(Chars, 0, Length), LeetView(Chars, Length), Starts[..Length], Ends[..Length]);
    }
}
