namespace Repurch.Api.Features.Trust;

/// <summary>Body of <c>POST /v1/trust/screen</c>.</summary>
public sealed record ScreenRequest(string Text);

/// <summary>Body of <c>PATCH /v1/partner/settings/trust</c> (documentation; the endpoint reads the body itself).</summary>
public sealed record TrustSettingsPatch(IReadOnlyList<string>? AllowedDomains, IReadOnlyDictionary<string, string?>? Actions);
