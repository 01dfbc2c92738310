namespace Repurch.Api.Features.Trust;

/// <summary>One thing a detector found: a fine-grained <see cref="SignalTypes">type</see> and where it is in the ORIGINAL text (UTF-16 offsets, end exclusive).</summary>
public sealed record ScreeningSignal(string Type, int Start, int End);
