namespace Repurch.Api.Features.Trust;

/// <summary>
/// A brand's screening policy: the domains its messages may link to besides the platform's, and
/// whether each reason holds a message for moderation or blocks it.
/// </summary>
public sealed record TrustPolicy(IReadOnlyList<string> AllowedDomains, IReadOnlyDictionary<string, ScreeningVerdict> Actions)
{
    /// <summary>
    /// The default: what steals money or accounts outright is blocked (credential requests, payment
    /// scams, paying off the platform); what is often innocent but takes the deal off the platform
    /// is held for a person to look at (contact details, links).
    /// </summary>
    public static readonly TrustPolicy Default = new([], new Dictionary<string, ScreeningVerdict>(StringComparer.Ordinal)
    {
        [ScreeningReasons.ContactDetails] = ScreeningVerdict.Hold,
        [ScreeningReasons.OffPlatformPayment] = ScreeningVerdict.Block,
        [ScreeningReasons.SuspiciousLink] = ScreeningVerdict.Hold,
        [ScreeningReasons.PaymentScam] = ScreeningVerdict.Block,
        [ScreeningReasons.CredentialRequest] = ScreeningVerdict.Block,
    });

    public ScreeningVerdict ActionFor(string reason) =>
        Actions.TryGetValue(reason, out var a) ? a : Default.Actions.TryGetValue(reason, out var d) ? d : ScreeningVerdict.Hold;
}
