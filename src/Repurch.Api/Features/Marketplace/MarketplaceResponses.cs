using Repurch.Api.Features.Listings;

namespace Repurch.Api.Features.Marketplace;

/// <summary>Paging of the feed; <c>total</c> stops at <see cref="MarketplaceSearch.MaxResults"/>, with <c>total_capped</c> true past it.</summary>
public sealed record MarketplaceMeta(int Page, int PerPage, int Total, int TotalPages, bool TotalCapped);

/// <summary>A page of the feed; <c>facets</c> only when asked for (<c>facets=true</c>), else null.</summary>
public sealed record MarketplaceListingPage(IReadOnlyList<ListingSummary> Data, MarketplaceMeta Meta, MarketplaceFacets? Facets);

/// <summary>Per facet, the values the matching listings have and how many have each (at most 50, most first).</summary>
public sealed record MarketplaceFacets(
    IReadOnlyList<FacetCount> Category, IReadOnlyList<FacetCount> Channel, IReadOnlyList<FacetCount> Condition,
    IReadOnlyList<FacetCount> Colour, IReadOnlyList<FacetCount> Fabric, IReadOnlyList<FacetCount> ItemType);

public sealed record FacetCount(string Value, int Count);
