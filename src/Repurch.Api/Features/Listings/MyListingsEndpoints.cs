using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Audit;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Features.Trust;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;
using Repurch.Api.Storage;

namespace Repurch.Api.Features.Listings;

/// <summary>
/// A signed-in consumer's own trade-ins (<c>/v1/me/listings</c>, user token): owned by the account's
/// seller row, channel <c>exchange</c>, validated by <see cref="ListingInput"/> like a partner's
/// listing, and screened by <see cref="MessageScreener"/>: a title or description with anything the
/// screener flags (contact details, payment instructions, links...) is held for the brand's review
/// (<c>pending_review</c> with <c>review_reasons</c>, in <c>/v1/moderation/listings</c>) instead of going live.
/// </summary>
public static class MyListingsEndpoints
{
    public const string PendingReview = "pending_review";
    private const string Exchange = "exchange";

    /// <summary>What a consumer may set: the partner fields minus stock keeping, pricing extras and raw image URLs.</summary>
    public static readonly string[] ConsumerFields =
    [
        "title", "description", "price_gbp", "delivery_contribution_gbp", "condition", "category", "item_type", "brand", "colour",
        "fabric", "age_years", "measurements", "exposed_to", "faults", "attachment_ids",
    ];

    public static IEndpointRouteBuilder MapMyListings(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/v1/me/listings").WithTags("My listings").RequireAuthorization(Policies.Consumer);
        var auth = CommonErrors.ConsumerAuth;
        var notFound = ListingErrors.NotFound.DescribedAs("No trade-in with this id belongs to this account (another consumer's listing, the brand's stock, or another brand's listing read the same).");

        me.MapPost("/", Create).WithName("CreateMyListing").WithSummary("List a trade-in as the signed-in consumer")
            .JsonRequest<ListingWrite>()
            .WithDescription("Creates a consumer trade-in owned by the account (its seller row, made on first use), channel `exchange`, validated as `POST /v1/listings` validates a partner's listing " +
                $"(the same codes). Fields: `{string.Join("`, `", ConsumerFields)}`; the partner-only fields (`channel`, `status`, `sale_price_gbp`, `rrp_gbp`, `sku`, `warehouse_*`, `quantity_identical`, `available_from`, `images`) are `<field>_unknown`. " +
                "Photos: upload each with `POST /v1/listings/upload-photo` using the same user token and pass the ids in `attachment_ids`; an id this account did not upload is `attachment_ids_invalid`. " +
                "The title and description are screened as messages are (`POST /v1/trust/screen`, the brand's trust policy): when anything is found (contact details, off-platform payment, links, scam patterns) " +
                "the listing is saved as `pending_review` with `review_reasons` and waits for the brand (`GET /v1/moderation/listings`): it is not on sale and no buyer sees it; the automatic verdict is audited " +
                "(`listing.held_for_review`, with the reasons and the validator version). A clean one is `active` at once and emits `listing.created`. Bodies are capped at 256 KB.")
            .Errors([.. auth,
                CommonErrors.ValidationFailed.DescribedAs("Field-level reasons in `data.errors`, as on `POST /v1/listings`: `title_required`, `price_gbp_invalid`, `category_invalid`, `faults_required`, `attachment_ids_invalid`, `<field>_unknown`, `<field>_duplicate`."),
                CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge, CommonErrors.UnsupportedMediaType]);
        me.MapGet("/", List).WithBrandSession().WithName("ListMyListings").WithSummary("List my trade-ins")
            .WithDescription("The account's own trade-ins in every status (`active`, `pending_review` with its `review_reasons`, `rejected`, sold out or closed), newest first; deleted ones are left out.")
            .Query("page", JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Errors([.. auth, CommonErrors.InvalidParameter.DescribedAs("page or per_page out of range.")]);
        // A literal segment outranks /{id}, so this never reads as a listing id.
        me.MapGet("/payout-estimate", Estimate).WithName("EstimateMyPayout").WithSummary("Estimate my payout for a trade-in")
            .WithDescription("What a trade-in at `price_gbp` with `delivery_contribution_gbp` would pay the signed-in consumer in credit when it sells, as `POST /v1/me/listings` would work it out " +
                FormattableString.Invariant($"(channel `exchange`): commission {PayoutCalculator.ExchangeRate * 100:0}% of the price (`commission_rate` {PayoutCalculator.ExchangeRate:0.00}), VAT {PayoutCalculator.VatRate * 100:0}% on the commission, then the delivery contribution; ") +
                "each step rounds half away from zero to the penny. `price_gbp` is read as a listing's price (a positive amount of pounds, at most two decimal places, at most 1,000,000): missing is `price_gbp_required`, " +
                "anything else wrong `price_gbp_invalid`. `delivery_contribution_gbp` is one of 0, 30, 60 or 129 (missing or empty is 0), else `delivery_contribution_invalid`. " +
                "Nothing is saved: the seller's form asks it as they type. Amounts are JSON numbers (decimals), never rounded floats.")
            .Query("price_gbp", JsonSchemaType.String, "The asking price in pounds, e.g. `180` or `180.50`.")
            .Query("delivery_contribution_gbp", JsonSchemaType.Integer, "The seller's delivery contribution in pounds: 0, 30, 60 or 129.", defaultValue: 0)
            .Errors([.. auth,
                CommonErrors.ValidationFailed.DescribedAs("Reasons in `data.errors`, as on `POST /v1/me/listings`: `price_gbp_required`, `price_gbp_invalid`, `delivery_contribution_invalid`.")]);
        me.MapGet("/{id:long}", Get).WithBrandSession().WithName("GetMyListing").WithSummary("Retrieve my trade-in")
            .WithDescription("One of the account's own trade-ins in full, in any status but deleted.")
            .Errors([.. auth, notFound]);
        // Ids that are not integers name no listing.
        me.MapGet("/{id}", () => ListingErrors.NotFound.Result()).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Created<MyListingDetail>, ApiErrorResult>> Create(
        HttpContext http, RepurchDb db, ListingUrls urls, MediaUrls media, MessageScreener screener, TrustPolicies policies, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        await db.OpenBrandSessionAsync(ct);
        if (body.Empty) return Problems.Validation("Listing could not be created", ["title_required", "price_gbp_required", "condition_required", "category_required"]);
        using var doc = body.Document!;

        var now = clock.GetUtcNow();
        var listing = new Listing
        {
            BrandId = caller.BrandId, Title = "", Condition = "", Category = "", Slug = "", OwnerType = "seller", CreatedAt = now, UpdatedAt = now,
        };
        // Partner-only fields read as unknown here; ListingInput reports the rest (truly unknown ones included).
        var errors = body.Root.EnumerateObject().Select(p => p.Name)
            .Where(n => ListingInput.Fields.Contains(n) && !ConsumerFields.Contains(n)).Distinct().Select(n => $"{n}_unknown").ToList();
        foreach (var code in ListingInput.Apply(body.Root, listing, await BrandOptions.LoadAsync(db, ct), creating: true))
            if (!errors.Contains(code)) errors.Add(code);
        await ListingPhotos.ApplyAsync(body.Root, listing, errors, db, media, http.Request, ct, uploaderAccountId: caller.AccountId);
        if (errors.Count > 0) return Problems.Validation("Listing could not be created", errors);
        listing.Channel = Exchange;
        listing.Slug = ListingInput.Slugify(listing.Title);

        // Each field on its own: joined, a title's last digits and a description's first could read as one phone number.
        var policy = await policies.GetAsync(db, caller.BrandId, ct);
        var found = new[] { listing.Title, listing.Description }.Where(t => !string.IsNullOrWhiteSpace(t)).SelectMany(t => screener.Screen(t!, policy).Reasons).ToHashSet();
        string[] reasons = [.. ScreeningReasons.All.Where(found.Contains)];
        if (reasons.Length > 0)
        {
            listing.Status = PendingReview;
            listing.ReviewReasons = reasons;
        }
        else listing.Status = "active";

        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        var seller = await SellerOfAsync(db, caller, now, ct);
        if (seller is null) return Problems.InvalidToken();
        listing.SellerId = seller.Id;
        db.Listings.Add(listing);
        await db.SaveChangesAsync(ct);
        var detail = ListingMapper.MineInFull(listing, seller, urls);
        if (listing.Status == PendingReview)
        {
            AuditLog.RecordAutomatic(db, caller.BrandId, "listing.held_for_review", listing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new Dictionary<string, Audit.FieldChange>
                {
                    ["reasons"] = new(null, string.Join(",", reasons)),
                    ["validator_version"] = new(null, MessageScreener.Version),
                }, clock);
        }
        else
        {
            listing.Seller = seller;
            Outbox.Emit(db, caller.BrandId, ListingEvents.Created, ListingMapper.Detail(listing, urls, seller.DisplayName), clock);
        }
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/v1/me/listings/{listing.Id}", detail);
    }

    private static async Task<Results<Ok<MyListingPage>, ApiErrorResult>> List(HttpContext http, RepurchDb db, ListingUrls urls, string? page, string? per_page, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!Paging.TryParse(page, per_page, out var pageNo, out var perPage, out var pagingError)) return pagingError!;
        var query = Mine(db, caller.AccountId!).OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id);
        var rows = await Paging.ReadPageAsync(query, pageNo, perPage, http, ct);
        return TypedResults.Ok(new MyListingPage(rows.Items.Select(l => ListingMapper.Mine(l, urls)).ToList(), rows.Meta(caller.BrandId)));
    }

    private static Results<Ok<PayoutEstimate>, ApiErrorResult> Estimate(string? price_gbp, string? delivery_contribution_gbp)
    {
        var errors = new List<string>();
        decimal price = 0;
        if (string.IsNullOrEmpty(price_gbp)) errors.Add("price_gbp_required");
        else if (!ListingInput.TryParseMoneyText(price_gbp, out price) || !ListingInput.IsMoney(price, allowZero: false)) errors.Add("price_gbp_invalid");
        var delivery = 0;
        if (!string.IsNullOrEmpty(delivery_contribution_gbp)
            && (!int.TryParse(delivery_contribution_gbp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out delivery)
                || Array.IndexOf(PlatformTaxonomy.DeliveryContributions, delivery) < 0))
            errors.Add("delivery_contribution_invalid");
        if (errors.Count > 0) return Problems.Validation("Payout could not be estimated", errors);
        var b = PayoutCalculator.Calculate(Exchange, price, delivery);
        return TypedResults.Ok(new PayoutEstimate(b.Price, PayoutCalculator.ExchangeRate, b.Commission, b.Vat, b.DeliveryContribution, b.Payout));
    }

    private static async Task<Results<Ok<MyListingDetail>, ApiErrorResult>> Get(long id, HttpContext http, RepurchDb db, ListingUrls urls, CancellationToken ct)
    {
        var listing = await Mine(db, http.Caller().AccountId!).Include(l => l.Seller).FirstOrDefaultAsync(l => l.Id == id, ct);
        return listing is null ? ListingErrors.NotFound.Result() : TypedResults.Ok(ListingMapper.MineInFull(listing, listing.Seller!, urls));
    }

    /// <summary>The account's trade-ins that are not deleted (row-level security keeps them to the brand).</summary>
    private static IQueryable<Listing> Mine(RepurchDb db, string accountId) =>
        db.Listings.Where(l => l.OwnerType == "seller" && l.DeletedAt == null && l.Seller!.AccountId == accountId);

    /// <summary>
    /// The account's seller row, made on first use (accounts made before sign-up made one, such as
    /// seeded ones). The account row is locked first so two first listings make one seller.
    /// </summary>
    private static async Task<Seller?> SellerOfAsync(RepurchDb db, Caller caller, DateTimeOffset now, CancellationToken ct)
    {
        var account = await Locks.LockRowAsync<Account>(db, caller.AccountId!, ct);
        if (account is null) return null;
        var seller = await db.Sellers.AsTracking().FirstOrDefaultAsync(s => s.AccountId == account.Id, ct);
        if (seller is not null) return seller;
        seller = new Seller { BrandId = caller.BrandId, DisplayName = account.DisplayName, AccountId = account.Id, CreatedAt = now };
        db.Sellers.Add(seller);
        await db.SaveChangesAsync(ct);
        return seller;
    }
}
