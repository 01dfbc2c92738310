namespace Repurch.Api.Features.Marketplace;

/// <summary>A verified custom host and the storefront it serves.</summary>
public sealed record ResolvedDomain(string Host, string BrandId, string Storefront);
