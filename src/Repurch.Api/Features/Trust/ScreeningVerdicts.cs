namespace Repurch.Api.Features.Trust;

/// <summary>The wire form of <see cref="ScreeningVerdict"/>.</summary>
public static class ScreeningVerdicts
{
    public const string Allow = "allow";
    public const string Hold = "hold";
    public const string Block = "block";

    public static string Wire(this ScreeningVerdict verdict) => verdict switch
    {
        ScreeningVerdict.Hold => Hold,
        ScreeningVerdict.Block => Block,
        _ => Allow,
    };
}
