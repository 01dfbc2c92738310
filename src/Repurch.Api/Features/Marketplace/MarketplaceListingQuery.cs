using Microsoft.AspNetCore.Mvc;

namespace Repurch.Api.Features.Marketplace;

/// <summary>The marketplace feed's query string, as sent (parsed and checked by <see cref="MarketplaceSearch"/>).</summary>
public sealed record MarketplaceListingQuery(
    [property: FromQuery(Name = "page")] string? Page,
    [property: FromQuery(Name = "per_page")] string? PerPage,
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "brand_id")] string? BrandId,
    [property: FromQuery(Name = "category")] string? Category,
    [property: FromQuery(Name = "channel")] string? Channel,
    [property: FromQuery(Name = "condition")] string? Condition,
    [property: FromQuery(Name = "colour")] string? Colour,
    [property: FromQuery(Name = "fabric")] string? Fabric,
    [property: FromQuery(Name = "item_type")] string? ItemType,
    [property: FromQuery(Name = "min_price")] string? MinPrice,
    [property: FromQuery(Name = "max_price")] string? MaxPrice,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "facets")] string? Facets);
