namespace Repurch.Api.Features.Trust;

/// <summary>
/// The detectors over one normalised text, without a brand or a database: signals (mapped back to
/// the original text, overlaps of one type merged) and the reasons they count towards.
/// </summary>
internal static class ScreeningEngine
{
    private static readonly Lazy<bool> Warm = new(() => Detect("warm up: ring 07700 900123, a@b.com, send me the code", [], []).Reasons.Count > 0);

    /// <summary>
    /// Builds every detector (the phrase rules' automata take a few seconds on a busy machine) and
    /// screens one text, once per process, so the first real message is not the one that waits.
    /// </summary>
    public static void WarmUp() => _ = Warm.Value;

    public static (IReadOnlyList<string> Reasons, IReadOnlyList<ScreeningSignal> Signals) Detect(
        string text, IReadOnlyList<string> trustedDomains, IReadOnlyList<string> protectedNames, ISet<string>? only = null)
    {
        if (text.Length == 0) return ([], []);
        var t = TextNormaliser.Normalise(text);
        var found = new List<Finding>();
        PatternDetector.Detect(t, found);
        PhoneDetector.Detect(t, found);
        LinkDetector.Detect(t, trustedDomains, protectedNames, found);
        PhraseDetector.Detect(t, found);
        if (found.Count == 0) return ([], []);

        // An email address's domain is not also a link, and a link's digits are not a phone number.
        found.RemoveAll(f => f.Type is SignalTypes.Link or SignalTypes.LookalikeDomain && found.Any(e => e.Type == SignalTypes.EmailAddress && e.Start <= f.Start && e.End >= f.End));
        found.RemoveAll(f => f.Type is SignalTypes.PhoneNumber && found.Any(e => e.Type is SignalTypes.Link or SignalTypes.UrlShortener or SignalTypes.LookalikeDomain or SignalTypes.CardNumber or SignalTypes.BankDetails && e.Start <= f.Start && e.End >= f.End && e.Type != f.Type));

        var signals = new List<ScreeningSignal>(found.Count);
        foreach (var f in found.OrderBy(f => f.Start).ThenBy(f => f.Type, StringComparer.Ordinal))
        {
            if (only is not null && !only.Contains(SignalTypes.Reason[f.Type])) continue;
            var (start, end) = t.OriginalSpan(f.Start, f.End);
            // The same type over an overlapping range is one signal.
            var merged = false;
            for (var i = signals.Count - 1; i >= 0; i--)
            {
                var s = signals[i];
                if (s.Type == f.Type && s.Start < end && start < s.End)
                {
                    signals[i] = s with { Start = Math.Min(s.Start, start), End = Math.Max(s.End, end) };
                    merged = true;
                    break;
                }
            }
            if (!merged) signals.Add(new ScreeningSignal(f.Type, start, end));
        }
        var reasons = ScreeningReasons.All.Where(r => signals.Any(s => SignalTypes.Reason[s.Type] == r)).ToArray();
        return (reasons, signals);
    }
}
