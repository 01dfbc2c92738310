namespace Repurch.Api.Features.Trust;

/// <summary>A signal found by a detector, at a range of the normalised text (mapped back to the original at the end).</summary>
internal readonly record struct Finding(string Type, int Start, int End);
