using System.ComponentModel;

namespace Repurch.Api.Features.Trust;

/// <summary>A signal on the wire: its type and where it is in the text as sent (UTF-16 offsets, end exclusive).</summary>
public sealed record ScreeningSignalView(string Type, int Start, int End);

/// <summary>The answer of <c>POST /v1/trust/screen</c>.</summary>
public sealed record ScreeningView(string Verdict, IReadOnlyList<string> Reasons, IReadOnlyList<ScreeningSignalView> Signals, string ValidatorVersion)
{
    public static ScreeningView Of(Screening s) =>
        new(s.Verdict.Wire(), s.Reasons, [.. s.Signals.Select(x => new ScreeningSignalView(x.Type, x.Start, x.End))], s.ValidatorVersion);
}

/// <summary>The answer of <c>GET/PATCH /v1/partner/settings/trust</c>.</summary>
public sealed record TrustSettings(
    [property: Description("Slug identifying the partner workspace.")] string BrandId,
    [property: Description("Domains (and their subdomains) that messages may link to besides the platform's, lower case, ASCII form.")] IReadOnlyList<string> AllowedDomains,
    [property: Description("For every reason code, `hold` or `block`.")] IReadOnlyDictionary<string, string> Actions,
    [property: Description("The reasons whose action the brand set itself; the others follow the platform default.")] IReadOnlyList<string> Customized,
    [property: Description("The platform's own domains, always allowed.")] IReadOnlyList<string> PlatformDomains,
    [property: Description("Version of the validator the policy runs on.")] string ValidatorVersion,
    [property: Description("When the brand last changed its policy; null while it uses the default.")] string? UpdatedAt);
