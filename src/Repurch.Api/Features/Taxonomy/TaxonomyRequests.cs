namespace Repurch.Api.Features.Taxonomy;

/// <summary>The object form of a taxonomy list change (for the OpenAPI document).</summary>
public sealed record TaxonomyListChange(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);

/// <summary>The PATCH taxonomy body (for the OpenAPI document; each list also takes a full array or null).</summary>
public sealed record TaxonomyPatch(
    TaxonomyListChange? Brands, TaxonomyListChange? Colours, TaxonomyListChange? Fabrics,
    TaxonomyListChange? Ages, TaxonomyListChange? Categories);

/// <summary>The PATCH cross-listing body (for the OpenAPI document).</summary>
public sealed record CrossListingPatch(IReadOnlyDictionary<string, bool> Categories);
