using Repurch.Api.Configuration;

namespace Repurch.Api.Features.Accounts;

/// <summary>Consumer account settings, from configuration (<c>Accounts:…</c>, e.g. <c>Accounts__SignInFailureLimit=5</c>).</summary>
public sealed class AccountOptions : BoundOptions
{
    /// <summary>Failed sign-ins one email may have per window before every attempt on it is 429 (the right password too).</summary>
    public int SignInFailureLimit { get; set; } = 5;
    /// <summary>Failed sign-ins one client (storefront key + the end user's address) may have per window.</summary>
    public int SignInClientFailureLimit { get; set; } = 20;
    /// <summary>
    /// Failed sign-ins a storefront key may have per window from requests that name no end-user address
    /// (<c>Repurch-Forwarded-For</c>): every such user shares this bucket, so it is larger.
    /// </summary>
    public int SignInKeyFailureLimit { get; set; } = 200;
    public int SignInWindowMinutes { get; set; } = 15;

    public TimeSpan SignInWindow => TimeSpan.FromMinutes(SignInWindowMinutes);

    protected override void Load(IConfiguration config) => BindSection(config, "Accounts");

    protected override IEnumerable<string> Check()
    {
        if (SignInFailureLimit < 1) yield return $"Accounts:SignInFailureLimit: {SignInFailureLimit} must be at least 1.";
        if (SignInClientFailureLimit < 1) yield return $"Accounts:SignInClientFailureLimit: {SignInClientFailureLimit} must be at least 1.";
        if (SignInKeyFailureLimit < 1) yield return $"Accounts:SignInKeyFailureLimit: {SignInKeyFailureLimit} must be at least 1.";
        if (SignInWindowMinutes < 1) yield return $"Accounts:SignInWindowMinutes: {SignInWindowMinutes} must be at least 1.";
    }
}
