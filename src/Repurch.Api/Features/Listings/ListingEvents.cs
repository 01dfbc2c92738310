namespace Repurch.Api.Features.Listings;

/// <summary>Event types for listing changes (the event's <c>data.object</c> is the listing detail; for deletes, <c>{deleted, id}</c>).</summary>
public static class ListingEvents
{
    public const string Created = "listing.created";
    public const string Updated = "listing.updated";
    public const string Deleted = "listing.deleted";
}
