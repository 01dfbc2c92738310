using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using Repurch.Api.Features.Trust;

namespace Repurch.Api.Tests.Trust;

/// <summary>
/// Hostile texts finish fast: long runs of what the detectors look for (digits, @, dots, spaced
/// letters, number words), spreadsheet formulae (a previous engine hung on <c>'@SUM(1+1)</c>), nested
/// and invisible Unicode, lone surrogates. Each is screened in-process, after a warm-up, and must take
/// well under a second and point its signals into the text. The best of three runs is what counts, and
/// the class runs alone, so a busy machine does not fail it; a backtracking regex would be slow every time.
/// </summary>
[Collection(ScreeningTimings.Name)]
public sealed class ScreeningHostileInputTests
{
    private const int Length = 10_000;
    private static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(500);

    private static readonly MessageScreener Screener = new(new TrustPolicies(), Options.Create(new TrustOptions()));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Texts.Keys) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Hostile_text_is_screened_well_under_a_second(string name)
    {
        var text = Texts[name];
        Screener.Screen("warm up: ring 07700 900123 or a@b.com, send me the code", TrustPolicy.Default);

        var best = TimeSpan.MaxValue;
        Screening screening = null!;
        for (var run = 0; run < 3 && best >= Limit; run++)
        {
            var watch = Stopwatch.StartNew();
            screening = Screener.Screen(text, TrustPolicy.Default);
            watch.Stop();
            if (watch.Elapsed < best) best = watch.Elapsed;
        }

        Assert.True(best < Limit, $"{name}: best of three {best.TotalMilliseconds:0} ms");
        Assert.All(screening.Signals, s => Assert.True(s.Start >= 0 && s.Start < s.End && s.End <= text.Length, $"{name}: signal {s} out of range"));
    }

    [Fact]
    public void A_hostile_text_still_gets_its_real_signals()
    {
        // Padding of formulae and invisibles does not hide a number at the end.
        var text = Repeat("'@SUM(1+1)\u200b", Length) + " ring me on 07700 900123";
        var screening = Screener.Screen(text, TrustPolicy.Default);
        Assert.Contains(ScreeningReasons.ContactDetails, screening.Reasons);
    }

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["digits"] = Repeat("0123456789", Length),
        ["at signs"] = Repeat("@", Length),
        ["'@SUM(1+1)"] = Repeat("'@SUM(1+1)", Length),
        ["=HYPERLINK("] = Repeat("=HYPERLINK(", Length),
        ["spreadsheet formulae"] = Repeat("=CMD|' /C calc'!A0 +1+1 -2+3 @SUM(A1:A10) =HYPERLINK(\"http://x.co\",\"pay\") ", Length),
        ["stacked combining marks"] = Repeat("a\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309", Length),
        ["zero-width characters"] = Repeat("\u200b", Length),
        ["zero-width between digits"] = Repeat("0\u200b7\u200c", Length),
        ["nested unicode"] = Repeat("ｗ𝐡ⓐт\u0336ѕ\u200dа𝓹p\u202e", Length),
        ["lone surrogates"] = Repeat("\ud800a\udc00", Length),
        ["dotted labels"] = Repeat("a.", Length),
        ["dotted labels then an address"] = Repeat("a.", Length - 10) + "@gmail.com",
        ["addresses"] = Repeat("a@a.a@", Length),
        ["a long word then @"] = new string('a', Length - 1) + "@",
        ["a url of dots"] = "http://" + Repeat("a.", Length - 7),
        ["spaced digits"] = Repeat("1 ", Length),
        ["spaced letters"] = Repeat("w ", Length),
        ["spaced letters and digits"] = Repeat("w 4 ", Length),
        ["digit words"] = Repeat("oh seven ", Length),
        ["spelt addresses"] = Repeat("at gmail dot ", Length),
        ["phrases"] = Repeat("send me the code you got, the money is held until you ", Length),
        ["sort codes"] = Repeat("sort code 12-34-56 ", Length),
        ["plus and digits"] = Repeat("+4", Length),
        ["brackets and digits"] = Repeat("(0", Length),
        ["leet"] = Repeat("0l1s", Length),
        ["apostrophes"] = Repeat("'", Length),
        ["www"] = Repeat("www.", Length),
        ["emoji"] = Repeat("😀", Length),
        ["line breaks"] = Repeat("\n", Length),
    };

    private static string Repeat(string s, int length)
    {
        var sb = new StringBuilder(length + s.Length);
        while (sb.Length < length) sb.Append(s);
        var text = sb.ToString(0, length);
        // Never end on half a surrogate pair that was not meant to be one.
        return char.IsHighSurrogate(text[^1]) && !s.Contains('\ud800') ? text[..^1] : text;
    }
}
