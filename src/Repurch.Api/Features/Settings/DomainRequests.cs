namespace Repurch.Api.Features.Settings;

/// <summary>Body of POST /v1/partner/settings/domains (documentation shape; the endpoint reads the body itself).</summary>
public sealed record DomainCreate(string Host, string Storefront);
