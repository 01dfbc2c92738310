using Repurch.Api.Errors;

namespace Repurch.Api.Features.Listings;

public static class ListingErrors
{
    public static readonly ErrorCode NotFound = new(404, "listing_not_found", "Listing not found (or owned by another brand).", "Listing not found.");
    public static readonly ErrorCode NotOwner = new(403, "forbidden_not_owner",
        "You can only modify listings you created (trade-ins belong to their consumer seller).", "You can only modify listings you created.");
}
