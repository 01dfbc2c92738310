using System.Globalization;

namespace Repurch.Api.Features.Storefront;

/// <summary>
/// A storefront's colours from the brand's accent: the accent itself, the text colour that reads on it,
/// and the accent darkened until it reads as text on white. Contrast is WCAG 2.2's ratio, computed, so a
/// brand's pale yellow still gives AA text (4.5:1) wherever the storefront uses it.
/// </summary>
public static class AccentPalette
{
    public const string DefaultAccent = "#1F4FD9";
    public const double TextContrast = 4.5;

    /// <summary>The accent (<see cref="DefaultAccent"/> when unset), the text on it, and the accent as text on white.</summary>
    public static StorefrontTheme For(string? accent)
    {
        var (r, g, b) = Parse(accent ?? DefaultAccent);
        var onAccent = Contrast(Luminance(r, g, b), 1.0) >= Contrast(Luminance(r, g, b), 0.0) ? "#FFFFFF" : "#000000";
        // Darken in 5% steps towards black until the accent reads on white; black itself is 21:1.
        var (tr, tg, tb) = (r, g, b);
        for (var step = 1; Contrast(Luminance(tr, tg, tb), 1.0) < TextContrast; step++)
        {
            var keep = Math.Max(0, 1 - step * 0.05);
            (tr, tg, tb) = ((int)Math.Round(r * keep), (int)Math.Round(g * keep), (int)Math.Round(b * keep));
        }
        return new StorefrontTheme(Hex(r, g, b), onAccent, Hex(tr, tg, tb));
    }

    /// <summary>WCAG contrast ratio of two relative luminances, 1 to 21.</summary>
    public static double Contrast(double a, double b) => (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);

    /// <summary>WCAG relative luminance of an sRGB colour.</summary>
    public static double Luminance(int r, int g, int b) => 0.2126 * Linear(r) + 0.7152 * Linear(g) + 0.0722 * Linear(b);

    public static double Luminance(string hex)
    {
        var (r, g, b) = Parse(hex);
        return Luminance(r, g, b);
    }

    private static double Linear(int channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static (int R, int G, int B) Parse(string hex) => (
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static string Hex(int r, int g, int b) => string.Create(CultureInfo.InvariantCulture, $"#{r:X2}{g:X2}{b:X2}");
}
