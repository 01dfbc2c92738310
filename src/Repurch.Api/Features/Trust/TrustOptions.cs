using Repurch.Api.Configuration;

namespace Repurch.Api.Features.Trust;

/// <summary>Screening settings (<c>Trust:…</c>, e.g. <c>Trust__PlatformDomains__0=repurch.com</c>).</summary>
public sealed class TrustOptions : BoundOptions
{
    /// <summary>The platform's own domains: links to them (and their subdomains) are ordinary, and lookalikes of their names are not.</summary>
    /// <remarks>Null means the default: configuration binding appends to a pre-filled array instead of replacing it.</remarks>
    public string[]? PlatformDomains { get; set; }

    public string[] Platform => PlatformDomains is { Length: > 0 } d ? d : DefaultPlatformDomains;

    private static readonly string[] DefaultPlatformDomains = ["repurch.com", "sofalistic.com"];

    /// <summary>Names a lookalike domain imitates besides the platform's and the brand's (payment providers).</summary>
    public string[]? ProtectedNames { get; set; }

    public string[] Protected => ProtectedNames is { Length: > 0 } n ? n : DefaultProtectedNames;

    private static readonly string[] DefaultProtectedNames = ["paypal", "stripe", "klarna", "royalmail", "hermes", "evri", "dpd", "parcelforce"];

    protected override void Load(IConfiguration config) => BindSection(config, "Trust");

    protected override IEnumerable<string> Check()
    {
        foreach (var d in Platform)
        {
            if (DomainNames.Normalise(d) != d) yield return $"Trust:PlatformDomains: '{d}' is not a lower-case domain name.";
        }
    }
}
