using Repurch.Api.Features.Listings;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Bulk;

public static class BulkEvents
{
    /// <summary>The listing detail a single create or update would send; the warehouse is filled in without loading it per row.</summary>
    public static ListingDetail Detail(Listing listing, ListingUrls urls, string brandName, Warehouse? warehouse)
    {
        var detail = ListingMapper.Detail(listing, urls, brandName);
        return listing.WarehouseId is { } id && warehouse?.Id == id ? detail with { Warehouse = new WarehouseRef(warehouse.Id, warehouse.Label) } : detail;
    }
}
