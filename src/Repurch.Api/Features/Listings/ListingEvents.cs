using Microsoft.OpenApi;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Media;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;
using Repurch.Api.Storage;

namespace Repurch.Api.Features.Listings;

/// <summary>Event types for listing changes (the event's <c>data.object</c> is the listing detail; for deletes, <c>{deleted, id}</c>).</summary>
public static class ListingEvents
{
    public const string Created = "listing.created";
    public const string Updated = "listing.updated";
    public const string Deleted = "listing.deleted";
}
