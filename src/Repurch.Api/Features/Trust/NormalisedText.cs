namespace Repurch.Api.Features.Trust;

/// <summary>
/// A text as the detectors read it (<see cref="TextNormaliser"/>), with a map from every character
/// back to the characters of the original it came from, so signals point into what was written.
/// </summary>
internal sealed class NormalisedText
{
    private readonly int[] starts;
    private readonly int[] ends;

    public NormalisedText(string original, string text, string leet, int[] starts, int[] ends)
    {
        Original = original;
        Text = text;
        Leet = leet;
        this.starts = starts;
        this.ends = ends;
    }

    public string Original { get; }

    /// <summary>Lower case, NFKC-folded, confusables at their skeleton, invisibles gone, digit words as digits.</summary>
    public string Text { get; }

    /// <summary><see cref="Text"/> with look-alike digits and symbols inside words read as letters (<c>wh4tsapp</c>), same length.</summary>
    public string Leet { get; }

    /// <summary>The original range (UTF-16, end exclusive) the normalised range [start, end) came from.</summary>
    public (int Start, int End) OriginalSpan(int start, int end)
    {
        if (Text.Length == 0) return (0, 0);
        start = Math.Clamp(start, 0, Text.Length - 1);
        end = Math.Clamp(end, start + 1, Text.Length);
        return (starts[start], ends[end - 1]);
    }
}
