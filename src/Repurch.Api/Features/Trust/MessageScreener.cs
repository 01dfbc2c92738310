using Microsoft.Extensions.Options;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Trust;

/// <summary>
/// Screens a text with the brand's policy (<see cref="TrustPolicies"/>): messages, trade-ins and
/// <c>POST /v1/trust/screen</c> all go through here, so every surface gets the same verdict.
/// </summary>
public sealed class MessageScreener(TrustPolicies policies, IOptions<TrustOptions> options)
{
    /// <summary>The engine's version, recorded with every automatic verdict; bump it when detectors change.</summary>
    public const string Version = "2026.12.4";

    // The screener is a singleton: building it builds the detectors, so the first message screened does not wait for them.
    private readonly TrustOptions options = WarmedUp(options.Value);

    private static TrustOptions WarmedUp(TrustOptions options)
    {
        ScreeningEngine.WarmUp();
        return options;
    }

    /// <summary>The brand's policy (allowed domains, hold-or-block per reason) applied; <paramref name="db"/> has the brand session open.</summary>
    public async Task<Screening> ScreenAsync(RepurchDb db, string brandId, string text, CancellationToken ct)
    {
        var policy = await policies.GetAsync(db, brandId, ct);
        return Screen(text, policy);
    }

    /// <summary>Screening under a policy already at hand (no database).</summary>
    public Screening Screen(string text, TrustPolicy policy)
    {
        var (reasons, signals) = ScreeningEngine.Detect(text, Trusted(policy), Protected(policy));
        var verdict = ScreeningVerdict.Allow;
        foreach (var r in reasons)
        {
            var action = policy.ActionFor(r);
            if (action > verdict) verdict = action;
        }
        return new Screening(verdict, reasons, signals, Version);
    }

    /// <summary>
    /// The reasons of <paramref name="only"/> found in <paramref name="text"/> under the brand's
    /// allowed domains, for surfaces that refuse rather than hold (listing titles and descriptions).
    /// </summary>
    public IReadOnlyList<string> Reasons(string text, TrustPolicy policy, ISet<string> only) =>
        ScreeningEngine.Detect(text, Trusted(policy), Protected(policy), only).Reasons;

    private string[] Trusted(TrustPolicy policy) => [.. options.Platform, .. policy.AllowedDomains];

    private string[] Protected(TrustPolicy policy) =>
        [.. options.Platform.Select(LinkDetector.RegistrableLabel), .. options.Protected, .. policy.AllowedDomains.Select(LinkDetector.RegistrableLabel)];
}
