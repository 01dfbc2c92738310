namespace Repurch.Api.Features.Trust;

/// <summary>
/// The outcome of screening one text: the strongest action of its <paramref name="Reasons"/> under the
/// brand's policy, the reasons (<see cref="ScreeningReasons"/>, in a fixed order), the signals that
/// produced them, and the engine's version (recorded with every automatic verdict).
/// </summary>
public sealed record Screening(ScreeningVerdict Verdict, IReadOnlyList<string> Reasons, IReadOnlyList<ScreeningSignal> Signals, string ValidatorVersion);
