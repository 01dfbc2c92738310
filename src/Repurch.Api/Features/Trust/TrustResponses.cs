namespace Repurch.Api.Features.Trust;

/// <summary>A signal on the wire: its type and where it is in the text as sent (UTF-16 offsets, end exclusive).</summary>
public sealed record ScreeningSignalView(string Type, int Start, int End);

/// <summary>The answer of <c>POST /v1/trust/screen</c>.</summary>
public sealed record ScreeningView(string Verdict, IReadOnlyList<string> Reasons, IReadOnlyList<ScreeningSignalView> Signals, string ValidatorVersion)
{
    public static ScreeningView Of(Screening s) =>
        new(s.Verdict.Wire(), s.Reasons, [.. s.Signals.Select(x => new ScreeningSignalView(x.Type, x.Start, x.End))], s.ValidatorVersion);
}
