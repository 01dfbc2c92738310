using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Marketplace;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Storefront;

/// <summary>
/// /v1/storefront: what a brand's own storefront server reads with its storefront key: the brand's
/// public profile and theme, and its live listings (all of them, cross-listed or not), searched like the
/// marketplace feed. Brand row-level security scopes every read to the key's brand.
/// </summary>
public static class StorefrontEndpoints
{
    public static IEndpointRouteBuilder MapStorefront(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/storefront").WithTags("Storefront");
        ErrorCode[] authErrors = [CommonErrors.MissingBearer, CommonErrors.InvalidToken,
            CommonErrors.Forbidden.DescribedAs("The key is not a storefront key with the `read` scope.")];

        group.MapGet("/profile", Profile).RequireAuthorization(Policies.StorefrontOrMarketplaceRead)
            .WithName("GetStorefrontProfile").WithSummary("Get the storefront's brand profile and theme")
            .WithDescription("The key's brand as its storefront shows it: display name, tagline, description, logo and support contacts from " +
                "`/v1/partner/settings/brand` (each null until set), and `theme`, the colours for the page's design tokens: `accent` (the brand's " +
                $"accent colour, `{AccentPalette.DefaultAccent}` until set), `on_accent` (`#FFFFFF` or `#000000`, whichever contrasts more with the " +
                "accent: at least 4.5:1 for any accent) and `accent_text` (the accent darkened until it has WCAG AA contrast, 4.5:1, on white, for links " +
                "and prices; the accent itself when it already has). A settings change shows here at once: cache it for seconds, not longer. " +
                "Storefront keys (`role: storefront`) and the marketplace's key (`role: marketplace`) with the `read` scope.")
            .Errors([CommonErrors.MissingBearer, CommonErrors.InvalidToken,
                CommonErrors.Forbidden.DescribedAs("The key is not a storefront or marketplace key with the `read` scope.")]);

        group.MapGet("/listings", List).RequireAuthorization(Policies.StorefrontRead)
            .WithName("ListStorefrontListings").WithSummary("List the storefront's listings")
            .WithDescription("The key's brand's live listings (active, not deleted, with units left), whether or not the brand cross-lists them to " +
                "the marketplace: what its exchange and clearance storefronts show (filter with `channel`). The same query parameters, search, " +
                "sorts, facets and answer as `GET /v1/marketplace/listings`; `brand_id` can only name the key's own brand (another is an empty page).")
            .Query("page", JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", JsonSchemaType.Integer, "Items per page. Maximum 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Query("q", JsonSchemaType.String, "Search text, as for `GET /v1/marketplace/listings`.")
            .Query("brand_id", JsonSchemaType.String, "Accepted for symmetry with the marketplace feed; only the key's own brand has listings here.")
            .Query("category", JsonSchemaType.String, "Only this category.")
            .Query("channel", JsonSchemaType.String, "`exchange` for the trade-in storefront, `clearance` for the clearance storefront.", values: Taxonomy.PlatformTaxonomy.Channels)
            .Query("condition", JsonSchemaType.String, "Only this condition.")
            .Query("colour", JsonSchemaType.String, "Only this colour.")
            .Query("fabric", JsonSchemaType.String, "Only this fabric.")
            .Query("item_type", JsonSchemaType.String, "Only this item type.")
            .Query("min_price", JsonSchemaType.String, "Only listings a buyer pays at least this for (pounds).")
            .Query("max_price", JsonSchemaType.String, "Only listings a buyer pays at most this for (pounds).")
            .Query("sort", JsonSchemaType.String, "`relevance` (default with `q`), `newest` (default without), `price_asc`, `price_desc`.", values: MarketplaceSearch.Sorts)
            .Query("facets", JsonSchemaType.Boolean, "`true` adds value counts per facet, as for the marketplace feed.", defaultValue: false)
            .Errors([.. authErrors, CommonErrors.InvalidParameter.DescribedAs("A query parameter is out of range or too long; `data.param` names it.")]);

        group.MapGet("/listings/{id:long}", Get).RequireAuthorization(Policies.StorefrontRead)
            .WithName("GetStorefrontListing").WithSummary("Retrieve a storefront listing")
            .WithDescription("A live listing of the key's brand in full. A draft, closed, deleted, sold-out or other brand's listing is `404 listing_not_found`, like an unknown id.")
            .Errors([.. authErrors, ListingErrors.NotFound.DescribedAs("No live listing of this brand has this id.")]);
        group.MapGet("/listings/{id}", () => ListingErrors.NotFound.Result()).RequireAuthorization(Policies.StorefrontRead).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<StorefrontProfile>> Profile(HttpContext http, RepurchDb db, CancellationToken ct)
    {
        var brandId = http.Caller().BrandId;
        var p = await db.BrandProfiles.FirstOrDefaultAsync(x => x.BrandId == brandId, ct) ?? new BrandProfile { BrandId = brandId };
        return TypedResults.Ok(new StorefrontProfile(brandId, p.DisplayName, p.Tagline, p.Description, p.LogoUrl, p.SupportEmail, p.SupportPhone,
            AccentPalette.For(p.AccentColor)));
    }

    private static async Task<Results<Ok<MarketplaceListingPage>, ApiErrorResult>> List(
        HttpContext http, RepurchDb db, ListingUrls urls, [AsParameters] MarketplaceListingQuery query, CancellationToken ct)
    {
        if (!MarketplaceSearch.TryParse(query, out var search, out var page, out var perPage, out var error)) return error!;
        return TypedResults.Ok(await search.ReadPageAsync(db, page, perPage, urls, http, ct));
    }

    private static async Task<Results<Ok<ListingDetail>, ApiErrorResult>> Get(long id, RepurchDb db, ListingUrls urls, CancellationToken ct)
    {
        var listing = await MarketplaceSearch.Live(db).Include(l => l.Seller).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (listing is null) return ListingErrors.NotFound.Result();
        return TypedResults.Ok(ListingMapper.Detail(listing, urls, brandName: ""));
    }
}
