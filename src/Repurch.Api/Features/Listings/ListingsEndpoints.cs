using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;
using Repurch.Api.Storage;

namespace Repurch.Api.Features.Listings;

public static class ListingsEndpoints
{
    public static readonly string[] ListStatuses = ["active", "draft", "closed", "any"];

    public static IEndpointRouteBuilder MapListings(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1/listings").WithTags("Listings").RequireAuthorization(Policies.PartnerRead);
        var write = app.MapGroup("/v1/listings").WithTags("Listings").RequireAuthorization(Policies.PartnerWrite);

        var invalid = CommonErrors.ValidationFailed.DescribedAs("Field-level reasons listed as codes in `data.errors`, e.g. `title_required`, `price_gbp_invalid`, `category_invalid`, `faults_required`, `attachment_ids_invalid`, `images_conflict`, `title_contact_details`, `title_off_platform_payment`, `description_contact_details`, `description_off_platform_payment`, `<field>_unknown`, `<field>_duplicate`.");

        read.MapGet("/", List).WithBrandSession().WithName("ListListings").WithSummary("List listings")
            .WithDescription("The calling brand's listings, newest first. `status` defaults to `active`; `any` includes drafts and closed listings but never deleted ones. The total also comes back in `X-Total-Count`.")
            .Query("page", JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", JsonSchemaType.Integer, "Items per page. Maximum 100; larger values are `400 invalid_parameter`, not silently capped.", minimum: 1, maximum: 100, defaultValue: 20)
            .Query("status", JsonSchemaType.String, "Filter by status. `any` is every status except deleted.", values: ListStatuses, defaultValue: "active")
            .Query("channel", JsonSchemaType.String, "Filter by channel. Omit for both.", values: PlatformTaxonomy.Channels)
            .Errors([.. CommonErrors.Auth, CommonErrors.InvalidParameter]);
        // A consumer's trade-in form offers the same lists its create validates against.
        var options = app.MapGroup("/v1/listings").WithTags("Listings").RequireAuthorization(Policies.PartnerReadOrConsumer);
        options.MapGet("/options", Options).WithName("ListTaxonomyOptions").WithSummary("List taxonomy options")
            .WithDescription("The option lists create and update validate against, for the calling brand: use the values verbatim. `brands`, `colours`, `fabrics`, `ages` and `categories` are the brand's own lists where it has set them (`/v1/partner/settings/taxonomy`), else the platform defaults; the other lists are platform-wide. A consumer's user token reads them too (the brand's lists that `POST /v1/me/listings` validates against).")
            .Errors([CommonErrors.MissingBearer, CommonErrors.InvalidToken, CommonErrors.Forbidden.DescribedAs("Neither a partner admin key with the `read` scope nor a consumer's user token.")]);
        read.MapGet("/{id:long}", Get).WithName("GetListing").WithSummary("Retrieve a listing")
            .WithDescription("Full detail. `owner` is `brand` for the partner's own stock and `seller` for a consumer's trade-in; `seller` names who it belongs to. Another brand's listing is `404`, never `403`.")
            .Errors([.. CommonErrors.Auth, ListingErrors.NotFound]);
        write.MapPost("/", Create).WithName("CreateListing").WithSummary("Create a listing")
            .JsonRequest<ListingWrite>()
            .WithDescription("Unknown fields are rejected (`<field>_unknown`) so a typo never silently drops data, and a field sent twice is `<field>_duplicate`. Text limits count characters (an emoji is one). `status` may be `active` (default) or `draft`. Money fields take numbers (or numeric strings) above 0 and up to 1,000,000 with at most two decimals. Omitted `faults` means `[\"None\"]`; an empty list is `faults_required`. `images` are photo URLs in order, index 0 the cover; `attachment_ids` is the alternative: ids from `POST /v1/listings/upload-photo` (the caller's own, distinct, at most 20), which become the uploads' URLs in the order given. Sending both non-empty is `images_conflict`; an unknown or another brand's id is `attachment_ids_invalid`; an empty `attachment_ids` (without `images`) clears the photos. Without `warehouse_id` a new listing is placed in the brand's default warehouse (if it has one); the detail shows it as `warehouse: {id, label}`. `title` and `description` are screened by the same validator as messages (`POST /v1/trust/screen`, under your trust policy's allowed domains): contact details (phone numbers, email addresses, messaging-app handles) are `title_contact_details` / `description_contact_details`, and instructions to pay outside the platform (bank details, PayPal friends and family, crypto, gift cards) `title_off_platform_payment` / `description_off_platform_payment`, so buyers are never led off the platform. Bodies are capped at 256 KB.")
            .Errors([.. CommonErrors.Auth, invalid, CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge, CommonErrors.UnsupportedMediaType]);
        write.MapPatch("/{id:long}", Update).WithName("UpdateListing").WithSummary("Update a listing")
            .JsonRequest<ListingWrite>()
            .WithDescription("Partial update: omitted fields are unchanged, `null` clears an optional field. The whole update is rejected if any field is invalid. `title` and `description` are screened as on create, when they are sent.")
            .Errors([.. CommonErrors.Auth, ListingErrors.NotFound, ListingErrors.NotOwner, invalid,
                CommonErrors.NoFields,
                CommonErrors.PayloadTooLarge, CommonErrors.UnsupportedMediaType]);
        write.MapDelete("/{id:long}", Delete).WithName("DeleteListing").WithSummary("Delete a listing")
            .WithDescription("Soft delete: the listing disappears from every read and from the marketplace; orders that reference it keep it.")
            .Errors([.. CommonErrors.Auth, ListingErrors.NotFound, ListingErrors.NotOwner.DescribedAs("You can only delete listings you created.")]);
        // Ids that are not integers name no listing: answer like any other unknown id.
        read.MapMethods("/{id}", ["GET", "PATCH", "DELETE"], () => ListingErrors.NotFound.Result()).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<ListingPage>, ApiErrorResult>> List(
        HttpContext http, RepurchDb db, ListingUrls urls,
        string? page, string? per_page, string? status, string? channel, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!Paging.TryParse(page, per_page, out var pageNo, out var perPage, out var pagingError)) return pagingError!;
        status ??= "active";
        if (!ListStatuses.Contains(status))
            return Problems.InvalidParameter("status", "status_invalid", "status must be one of active, draft, closed or any.");
        if (channel is not null && !PlatformTaxonomy.Channels.Contains(channel))
            return Problems.InvalidParameter("channel", "channel_invalid", "channel must be clearance or exchange.");

        var query = db.Listings.Where(l => l.BrandId == caller.BrandId && l.DeletedAt == null);
        if (status != "any") query = query.Where(l => l.Status == status);
        if (channel is not null) query = query.Where(l => l.Channel == channel);

        var rows = await Paging.ReadPageAsync(query.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id), pageNo, perPage, http, ct);
        return TypedResults.Ok(new ListingPage(rows.Items.Select(r => ListingMapper.Summary(r, urls)).ToList(), rows.Meta(caller.BrandId)));
    }

    private static async Task<Ok<ListingOptions>> Options(RepurchDb db, CancellationToken ct) =>
        TypedResults.Ok(await BrandOptions.LoadAsync(db, ct));

    private static async Task<Results<Ok<ListingDetail>, ApiErrorResult>> Get(long id, HttpContext http, RepurchDb db, ListingUrls urls, CancellationToken ct)
    {
        var listing = await Find(db, id, tracking: false, ct);
        if (listing is null) return ListingErrors.NotFound.Result();
        return TypedResults.Ok(ListingMapper.Detail(listing, urls, await BrandNames.GetAsync(db, ct)));
    }

    private static async Task<Results<Created<ListingDetail>, ApiErrorResult>> Create(HttpContext http, RepurchDb db, ListingUrls urls, MediaUrls media, ListingTextScreening screening, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        // Several queries follow: one connection, so the brand is set once.
        await db.OpenBrandSessionAsync(ct);
        if (body.Empty) return Problems.Validation("Listing could not be created", ["title_required", "price_gbp_required", "condition_required", "category_required"]);
        using var doc = body.Document!;

        var now = clock.GetUtcNow();
        var listing = new Listing
        {
            BrandId = caller.BrandId, Title = "", Condition = "", Category = "", Slug = "",
            CreatedAt = now, UpdatedAt = now,
        };
        var errors = ListingInput.Apply(body.Root, listing, await BrandOptions.LoadAsync(db, ct), creating: true);
        (await screening.ForBrandAsync(db, caller.BrandId, ct)).Check(listing, errors);
        await CheckWarehouseAsync(db, listing, errors, ct);
        await ListingPhotos.ApplyAsync(body.Root, listing, errors, db, media, http.Request, ct);
        if (errors.Count > 0) return Problems.Validation("Listing could not be created", errors);
        // Without an explicit warehouse the item sits in the brand's default one.
        if (!body.Root.TryGetProperty("warehouse_id", out _))
            listing.WarehouseId = await db.Warehouses.Where(w => w.IsDefault).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(ct);

        listing.Slug = ListingInput.Slugify(listing.Title);
        // The listing and its event commit together (a savepoint when the idempotency transaction is open).
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        db.Listings.Add(listing);
        await db.SaveChangesAsync(ct);
        if (listing.WarehouseId is { } wid) listing.Warehouse = await db.Warehouses.FirstOrDefaultAsync(w => w.Id == wid, ct);
        var detail = ListingMapper.Detail(listing, urls, await BrandNames.GetAsync(db, ct));
        Outbox.Emit(db, caller.BrandId, ListingEvents.Created, detail, clock);
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/v1/listings/{listing.Id}", detail);
    }

    private static async Task<Results<Ok<ListingDetail>, ApiErrorResult>> Update(long id, HttpContext http, RepurchDb db, ListingUrls urls, MediaUrls media, ListingTextScreening screening, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document;
        await db.OpenBrandSessionAsync(ct);

        var listing = await Find(db, id, tracking: true, ct);
        if (listing is null) return ListingErrors.NotFound.Result();
        if (listing.OwnerType != "brand") return ListingErrors.NotOwner.Result();
        if (body.Empty || !body.Root.EnumerateObject().Any())
            return Problems.NoFields();

        var errors = ListingInput.Apply(body.Root, listing, await BrandOptions.LoadAsync(db, ct), creating: false);
        // Only the text sent is read: a listing saved before screening existed can still change its price.
        (await screening.ForBrandAsync(db, listing.BrandId, ct))
            .Check(listing, errors, title: body.Root.TryGetProperty("title", out _), description: body.Root.TryGetProperty("description", out _));
        await CheckWarehouseAsync(db, listing, errors, ct);
        await ListingPhotos.ApplyAsync(body.Root, listing, errors, db, media, http.Request, ct);
        if (errors.Count > 0) return Problems.Validation("Update rejected", errors);

        listing.Slug = ListingInput.Slugify(listing.Title);
        listing.UpdatedAt = clock.GetUtcNow();
        if (listing.WarehouseId is { } wid && listing.Warehouse?.Id != wid) listing.Warehouse = await db.Warehouses.FirstOrDefaultAsync(w => w.Id == wid, ct);
        if (listing.WarehouseId is null) listing.Warehouse = null;
        var detail = ListingMapper.Detail(listing, urls, await BrandNames.GetAsync(db, ct));
        // One SaveChanges writes the change and its event in one transaction.
        Outbox.Emit(db, listing.BrandId, ListingEvents.Updated, detail, clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(detail);
    }

    private static async Task<Results<Ok<DeletedListing>, ApiErrorResult>> Delete(long id, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var listing = await Find(db, id, tracking: true, ct);
        if (listing is null) return ListingErrors.NotFound.Result();
        if (listing.OwnerType != "brand") return ListingErrors.NotOwner.Result("You can only delete listings you created.");
        listing.DeletedAt = clock.GetUtcNow();
        listing.UpdatedAt = listing.DeletedAt.Value;
        Outbox.Emit(db, listing.BrandId, ListingEvents.Deleted, new DeletedListing(true, id), clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new DeletedListing(true, id));
    }

    private static Task<Listing?> Find(RepurchDb db, long id, bool tracking, CancellationToken ct)
    {
        var q = db.Listings.Include(l => l.Seller).Include(l => l.Warehouse).Where(l => l.Id == id && l.DeletedAt == null);
        return (tracking ? q.AsTracking() : q).FirstOrDefaultAsync(ct);
    }

    /// <summary>A warehouse id must name one of the caller's warehouses (RLS hides everyone else's).</summary>
    private static async Task CheckWarehouseAsync(RepurchDb db, Listing listing, List<string> errors, CancellationToken ct)
    {
        if (listing.WarehouseId is { } id && !errors.Contains("warehouse_id_invalid") && !await db.Warehouses.AnyAsync(w => w.Id == id, ct))
            errors.Add("warehouse_id_invalid");
    }
}
