using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Marketplace;

/// <summary>
/// The main marketplace's read path over every brand's cross-listed active listings. Visibility is
/// the database's decision: the context runs as the <c>repurch_marketplace</c> role, and its read-only
/// <c>marketplace_read</c> row-level security policy on listings admits exactly the active,
/// non-deleted listings whose brand cross-lists their category. No query here re-implements that rule.
/// </summary>
public static class MarketplaceListingsEndpoints
{
    public const int MaxBrandId = 64;

    public static IEndpointRouteBuilder MapMarketplaceListings(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1/marketplace/listings").WithTags("Marketplace").RequireAuthorization(Policies.MarketplaceRead);
        var forbidden = CommonErrors.Forbidden.DescribedAs("The key is not a marketplace key with the `read` scope (partner keys never reach this path).");
        ErrorCode[] authErrors = [CommonErrors.MissingBearer, CommonErrors.InvalidToken, forbidden];

        read.MapGet("/", List).WithName("ListMarketplaceListings").WithSummary("List marketplace listings")
            .WithDescription("Every brand's listings that appear on the main marketplace, newest first unless searched or sorted: active, not deleted, with units not reserved by orders, and in a category the brand cross-lists (the contractual default is listed; brands opt categories out under `/v1/partner/settings/cross-listing`). The database's own read-only marketplace policy decides what is visible; this key can never change a listing. Needs a `marketplace` key with the `read` scope, on the plane of the key (sandbox keys see sandbox listings). Same summary shape as `GET /v1/listings`; `meta` has no `brand_id` since the page spans brands. The total also comes back in `X-Total-Count`. `total` counts at most 10,000 matches (a count over a million listings costs seconds): past that it is 10,000 and `total_capped` is true, and a page that starts past the 10,000th result is `400 invalid_parameter` (`page_too_deep`): narrow with `q` or filters.")
            .Query("page", JsonSchemaType.Integer, "Page number, 1-indexed. Pages starting past the 10,000th result are `400 invalid_parameter` (`page_too_deep`).", minimum: 1, defaultValue: 1)
            .Query("per_page", JsonSchemaType.Integer, "Items per page. Maximum 100; larger values are `400 invalid_parameter`, not silently capped.", minimum: 1, maximum: 100, defaultValue: 20)
            .Query("brand_id", JsonSchemaType.String, "Only this brand's listings. An unknown brand is an empty page, not an error.")
            .Query("q", JsonSchemaType.String, $"Search text (at most {MarketplaceSearch.MaxText} characters; the first {MarketplaceSearch.MaxWords} words count). Every word must match: a word of the listing's title, category, item type, brand, colour, fabric or description that starts with it (English stemming, so `sofas` finds `sofa`), and only when no listing matches every word so, a word may instead be close to a title word (typos: `chesterfeild` finds `Chesterfield`; `feather` does not find `leather` while something has `feather`). Common words such as `the` are ignored. Text with no letters or digits matches nothing.")
            .Query("category", JsonSchemaType.String, "Only this category (exact name, as the brand's taxonomy spells it).")
            .Query("channel", JsonSchemaType.String, "Only this channel: trade-ins (`exchange`) or clearance stock (`clearance`).", values: PlatformTaxonomy.Channels)
            .Query("condition", JsonSchemaType.String, "Only this condition (exact value, e.g. `good`).")
            .Query("colour", JsonSchemaType.String, "Only this colour (exact value).")
            .Query("fabric", JsonSchemaType.String, "Only this fabric (exact value).")
            .Query("item_type", JsonSchemaType.String, "Only this item type (exact value).")
            .Query("min_price", JsonSchemaType.String, "Only listings a buyer pays at least this for (pounds, e.g. `250` or `249.99`; the sale price when set).")
            .Query("max_price", JsonSchemaType.String, "Only listings a buyer pays at most this for (pounds). Less than `min_price` is `400 invalid_parameter` (`price_range_invalid`).")
            .Query("sort", JsonSchemaType.String, "`relevance` (the default with `q`: best match first), `newest` (the default without `q`; `relevance` without `q` is the same), `price_asc` or `price_desc`. Ties go newest first.", values: MarketplaceSearch.Sorts)
            .Query("facets", JsonSchemaType.Boolean, "`true` adds `facets`: for category, channel, condition, colour, fabric and item type, the values the matching listings have (every filter and `q` applied) and how many have each, most first, at most 50 per facet. Off by default because it costs six counts.", defaultValue: false)
            .Errors([.. authErrors, CommonErrors.InvalidParameter.DescribedAs("A query parameter is out of range or too long; `data.param` names it.")]);
        read.MapGet("/{id:long}", Get).WithName("GetMarketplaceListing").WithSummary("Retrieve a marketplace listing")
            .WithDescription("Full detail of a listing the marketplace may show. A draft, closed, deleted, not-cross-listed or fully reserved listing is `404 listing_not_found`, exactly like an id that does not exist. Brand names and consumer sellers stay private to their brand, so `seller.display_name` is empty and `seller.id` is null here: show the brand from `brand_id`.")
            .Errors([.. authErrors, ListingErrors.NotFound.DescribedAs("No listing with this id is visible on the marketplace.")]);
        // Ids that are not integers name no listing: answer like any other unknown id.
        read.MapGet("/{id}", () => ListingErrors.NotFound.Result()).ExcludeFromDescription();
        return app;
    }

    /// <summary>A context on the caller's plane, as the marketplace brand, with the marketplace policy switched on.</summary>
    private static RepurchDb Open(DataPlanes planes, Caller caller)
    {
        var db = planes.Open(caller.Plane, caller.BrandId);
        db.Marketplace = true;
        return db;
    }

    private static async Task<Results<Ok<MarketplaceListingPage>, ApiErrorResult>> List(
        HttpContext http, DataPlanes planes, ListingUrls urls, [AsParameters] MarketplaceListingQuery query, CancellationToken ct)
    {
        if (!MarketplaceSearch.TryParse(query, out var search, out var page, out var perPage, out var error)) return error!;
        await using var db = Open(planes, http.Caller());
        return TypedResults.Ok(await search.ReadPageAsync(db, page, perPage, urls, http, ct));
    }

    private static async Task<Results<Ok<ListingDetail>, ApiErrorResult>> Get(
        long id, HttpContext http, DataPlanes planes, ListingUrls urls, CancellationToken ct)
    {
        await using var db = Open(planes, http.Caller());
        var listing = await MarketplaceSearch.Live(db).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (listing is null) return ListingErrors.NotFound.Result();
        return TypedResults.Ok(ListingMapper.Detail(listing, urls, brandName: ""));
    }
}
