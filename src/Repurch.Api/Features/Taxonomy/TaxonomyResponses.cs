namespace Repurch.Api.Features.Taxonomy;

public sealed record TaxonomyLists(
    IReadOnlyList<string> Brands, IReadOnlyList<string> Colours, IReadOnlyList<string> Fabrics,
    IReadOnlyList<string> Ages, IReadOnlyList<string> Categories);

/// <summary>GET/PATCH /v1/partner/settings/taxonomy.</summary>
public sealed record TaxonomySettings(string BrandId, TaxonomyLists Taxonomy, IReadOnlyList<string> Customized);

public sealed record CrossListingCategory(string Category, bool Marketplace);

/// <summary>GET/PATCH /v1/partner/settings/cross-listing.</summary>
public sealed record CrossListingSettings(string BrandId, bool Default, IReadOnlyList<CrossListingCategory> Categories);
