using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Repurch.Api.Errors;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Marketplace;

/// <summary>
/// The marketplace feed's search: filters, sort and the search text, checked once and applied to the
/// visible listings. The text is matched word by word: a word matches a listing when the listing's
/// stored document (title, then category, item type, brand, colour and fabric, then description, English
/// stemming) has a word starting with it. Only when nothing matches so (<see cref="Fuzzy"/>) may a word
/// also be close to a word of the title (pg_trgm word similarity, so "chesterfeild" finds
/// "Chesterfield"); always allowing that would let "feather" find "leather". Both go through the GIN
/// indexes (on the document and on the title's trigrams) inside listing_text_search() (ADR 0008).
/// </summary>
public sealed record MarketplaceSearch(
    string? Text, IReadOnlyList<string> Words, string? BrandId, string? Category, string? Channel, string? Condition,
    string? Colour, string? Fabric, string? ItemType, decimal? MinPrice, decimal? MaxPrice, string Sort, bool Facets)
{
    /// <summary>Whether a word may also match by resembling a title word (the second try, when nothing matched).</summary>
    public bool Fuzzy { get; init; }

    public const int MaxText = 200;
    /// <summary>How far the feed counts and pages: past it, narrow the search (as search engines do).</summary>
    public const int MaxResults = 10_000;
    public const int MaxWords = 8;
    public const int MaxFilter = 100;
    public const decimal PriceLimit = 10_000_000m;
    public static readonly string[] Sorts = ["relevance", "newest", "price_asc", "price_desc"];

    /// <summary>
    /// What a feed may show: live listings that the session's policies admit (for the marketplace, exactly what
    /// <c>marketplace_read</c> admits, plus its own brand's rows, kept to live ones here too). A listing whose units
    /// are all reserved by unpaid orders stays active (an order for it is 409 listing_sold_out, not 404) but has
    /// nothing to sell, so it is not shown. Cross-listing is never decided here.
    /// </summary>
    public static IQueryable<Listing> Live(RepurchDb db) =>
        db.Listings.Where(l => l.DeletedAt == null && l.Status == "active" && l.Quantity > 0);

    /// <summary>Checks the query string, paging included; the error names the first bad parameter.</summary>
    public static bool TryParse(MarketplaceListingQuery query, out MarketplaceSearch search, out int page, out int perPage, out ApiErrorResult? error)
    {
        search = null!;
        if (!Paging.TryParse(query.Page, query.PerPage, out page, out perPage, out error)) return false;
        // Page numbers that reach past MaxResults are refused rather than read.
        if ((long)(page - 1) * perPage >= MaxResults)
        {
            error = Problems.InvalidParameter("page", "page_too_deep", $"Only the first {MaxResults} results can be paged through; narrow the search with q or filters.");
            return false;
        }
        error = Check(query.BrandId, "brand_id", MarketplaceListingsEndpoints.MaxBrandId)
            ?? Check(query.Category, "category", MaxFilter)
            ?? Check(query.Condition, "condition", MaxFilter)
            ?? Check(query.Colour, "colour", MaxFilter)
            ?? Check(query.Fabric, "fabric", MaxFilter)
            ?? Check(query.ItemType, "item_type", MaxFilter);
        if (error is not null) return false;
        if (query.Channel is not null && !PlatformTaxonomy.Channels.Contains(query.Channel))
        {
            error = Problems.InvalidParameter("channel", "channel_invalid", $"channel must be one of: {string.Join(", ", PlatformTaxonomy.Channels)}.");
            return false;
        }
        if (query.Q is not null && (query.Q.Length > MaxText || query.Q.Any(char.IsControl)))
        {
            error = Problems.InvalidParameter("q", "q_invalid", $"q must be at most {MaxText} characters, without control characters.");
            return false;
        }
        if (!TryPrice(query.MinPrice, "min_price", out var min, out error) || !TryPrice(query.MaxPrice, "max_price", out var max, out error)) return false;
        if (min > max)
        {
            error = Problems.InvalidParameter("min_price", "price_range_invalid", "min_price must not be more than max_price.");
            return false;
        }
        var sort = query.Sort ?? (string.IsNullOrWhiteSpace(query.Q) ? "newest" : "relevance");
        if (!Sorts.Contains(sort))
        {
            error = Problems.InvalidParameter("sort", "sort_invalid", $"sort must be one of: {string.Join(", ", Sorts)}.");
            return false;
        }
        bool facets;
        if (query.Facets is null or "false") facets = false;
        else if (query.Facets == "true") facets = true;
        else
        {
            error = Problems.InvalidParameter("facets", "facets_invalid", "facets must be true or false.");
            return false;
        }
        var text = string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim();
        search = new MarketplaceSearch(text, WordsOf(text), query.BrandId, query.Category, query.Channel, query.Condition,
            query.Colour, query.Fabric, query.ItemType, min, max, sort, facets);
        return true;
    }

    /// <summary>One page of the session's live listings as asked, with the facets when asked for, as the feed answers it.</summary>
    public async Task<MarketplaceListingPage> ReadPageAsync(RepurchDb db, int page, int perPage, ListingUrls urls, HttpContext http, CancellationToken ct)
    {
        // The search, the count, the page and the facets share one connection, so the session is set once.
        await db.OpenBrandSessionAsync(ct);
        var (rows, narrowed) = await ReadAsync(db, Live(db), page, perPage, http, ct);
        var facets = Facets ? await FacetsAsync(narrowed, ct) : null;
        return new MarketplaceListingPage(rows.Items.Select(r => ListingMapper.Summary(r, urls)).ToList(),
            new MarketplaceMeta(rows.Number, rows.PerPage, rows.Total, rows.TotalPages, rows.Capped), facets);
    }

    /// <summary>
    /// One page of the visible listings as asked, counted up to <see cref="MaxResults"/>, and the query of every
    /// listing it pages through (what facets count). Text that matches nothing as typed is tried again allowing typos.
    /// </summary>
    private async Task<(Page<Listing> Rows, IQueryable<Listing> Narrowed)> ReadAsync(RepurchDb db, IQueryable<Listing> visible, int page, int perPage,
        HttpContext http, CancellationToken ct)
    {
        if (Text is null)
        {
            var filtered = Filter(visible);
            return (await Paging.ReadCappedPageAsync(Ordered(filtered), filtered, MaxResults, page, perPage, http, ct), filtered);
        }
        var found = await ReadMatchesAsync(db, visible, page, perPage, http, ct);
        return found.Rows.Total > 0 ? found : await (this with { Fuzzy = true }).ReadMatchesAsync(db, visible, page, perPage, http, ct);
    }

    /// <summary>
    /// The text's matches: read once (at most <see cref="MaxResults"/> and one, with their rank), then narrowed by the
    /// filters under the caller's own row-level security through their ids, so the count, the page and every facet
    /// reuse one search instead of running it again each.
    /// </summary>
    private async Task<(Page<Listing> Rows, IQueryable<Listing> Narrowed)> ReadMatchesAsync(RepurchDb db, IQueryable<Listing> visible, int page, int perPage,
        HttpContext http, CancellationToken ct)
    {
        var hits = await Hits(db).ToListAsync(ct);
        var ids = hits.Select(h => h.ListingId).ToArray();
        var narrowed = Filter(visible).Where(l => ids.Contains(l.Id));
        if (Sort != "relevance")
            return (await Paging.ReadCappedPageAsync(Ordered(narrowed), narrowed, MaxResults, page, perPage, http, ct), narrowed);

        // Best rank first; equal ranks keep the search's own order, newest first.
        var seen = (await narrowed.Select(l => l.Id).ToListAsync(ct)).ToHashSet();
        var ranked = hits.Select((h, i) => (h, i)).Where(x => seen.Contains(x.h.ListingId))
            .OrderByDescending(x => x.h.Rank).ThenBy(x => x.i).Select(x => x.h.ListingId).ToList();
        var total = Math.Min(ranked.Count, MaxResults);
        var pageIds = ranked.Take(total).Skip((page - 1) * perPage).Take(perPage).ToArray();
        var byId = pageIds.Length == 0 ? [] : await narrowed.Where(l => pageIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        http.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        var items = pageIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        return (new Page<Listing>(items, page, perPage, total) { Capped = ranked.Count > MaxResults }, narrowed);
    }

    /// <summary>The listings in the asked order (relevance without text is newest); ties newest first, then by id.</summary>
    private IQueryable<Listing> Ordered(IQueryable<Listing> q) => Sort switch
    {
        "price_asc" => q.OrderBy(l => l.SalePrice ?? l.RegularPrice).ThenByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id),
        "price_desc" => q.OrderByDescending(l => l.SalePrice ?? l.RegularPrice).ThenByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id),
        _ => q.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id),
    };

    private IQueryable<Listing> Filter(IQueryable<Listing> visible)
    {
        var q = visible;
        if (BrandId is not null) q = q.Where(l => l.BrandId == BrandId);
        if (Category is not null) q = q.Where(l => l.Category == Category);
        if (Channel is not null) q = q.Where(l => l.Channel == Channel);
        if (Condition is not null) q = q.Where(l => l.Condition == Condition);
        if (Colour is not null) q = q.Where(l => l.Colour == Colour);
        if (Fabric is not null) q = q.Where(l => l.Fabric == Fabric);
        if (ItemType is not null) q = q.Where(l => l.ItemType == ItemType);
        if (MinPrice is { } min) q = q.Where(l => (l.SalePrice ?? l.RegularPrice) >= min);
        if (MaxPrice is { } max) q = q.Where(l => (l.SalePrice ?? l.RegularPrice) <= max);
        return q;
    }

    /// <summary>How many of the narrowed listings have each value, per facet, most first (then by value).</summary>
    private static async Task<MarketplaceFacets> FacetsAsync(IQueryable<Listing> narrowed, CancellationToken ct)
    {
        async Task<IReadOnlyList<FacetCount>> Count(IQueryable<string?> values) =>
            (await values.Where(v => v != null).GroupBy(v => v).Select(g => new { Value = g.Key!, Count = g.Count() })
                .OrderByDescending(g => g.Count).ThenBy(g => g.Value).Take(50).ToListAsync(ct))
            .Select(g => new FacetCount(g.Value, g.Count)).ToList();
        return new MarketplaceFacets(
            await Count(narrowed.Select(l => l.Category)),
            await Count(narrowed.Select(l => l.Channel)),
            await Count(narrowed.Select(l => l.Condition)),
            await Count(narrowed.Select(l => l.Colour)),
            await Count(narrowed.Select(l => l.Fabric)),
            await Count(narrowed.Select(l => l.ItemType)));
    }

    /// <summary>
    /// The newest <see cref="MaxResults"/> (and one, to tell the count it is capped) live listings that the text and
    /// every filter match, with their rank (full-text rank plus the title's similarity to the text), from
    /// listing_text_search(). It can use the GIN indexes that row-level security rules out for the full-text and
    /// trigram operators (see its migrations); its ids are then read under the caller's own policies. Capping before
    /// ranking keeps a broad word ("sofa", most of a million listings) to ranking ten thousand rows; results past the
    /// cap cannot be paged to anyway.
    /// </summary>
    private IQueryable<SearchHit> Hits(RepurchDb db)
    {
        static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
        static NpgsqlParameter Price(string name, decimal? value) => new(name, NpgsqlDbType.Numeric) { Value = (object?)value ?? DBNull.Value };
        object[] args =
        [
            new NpgsqlParameter("words", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Words.ToArray() },
            new NpgsqlParameter("fuzzy", NpgsqlDbType.Boolean) { Value = Fuzzy },
            Text("text", this.Text), Text("brand", BrandId), Text("category", Category), Text("channel", Channel),
            Text("condition", Condition), Text("colour", Colour), Text("fabric", Fabric), Text("item_type", ItemType),
            Price("min", MinPrice), Price("max", MaxPrice),
            new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = MaxResults + 1 },
        ];
        return db.Database.SqlQueryRaw<SearchHit>(
            "SELECT h.listing_id, h.rank FROM listing_text_search(@words, @fuzzy, @text, @brand, @category, @channel, @condition, @colour, @fabric, @item_type, @min, @max, @limit) h",
            args);
    }

    /// <summary>The text's words: runs of letters and digits, lower-cased, the first <see cref="MaxWords"/> distinct ones.</summary>
    private static IReadOnlyList<string> WordsOf(string? text)
    {
        if (text is null) return [];
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c)) { word.Append(char.ToLowerInvariant(c)); continue; }
            if (word.Length > 0 && !words.Contains(word.ToString())) words.Add(word.ToString());
            word.Clear();
        }
        return words.Take(MaxWords).ToList();
    }

    private static ApiErrorResult? Check(string? value, string param, int max) =>
        value is not null && (value.Length is 0 || value.Length > max || value.Any(char.IsControl))
            ? Problems.InvalidParameter(param, $"{param}_invalid", $"{param} must be 1 to {max} characters, without control characters.")
            : null;

    private static bool TryPrice(string? raw, string param, out decimal? price, out ApiErrorResult? error)
    {
        price = null;
        error = null;
        if (raw is null) return true;
        if (decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value <= PriceLimit && decimal.Round(value, 2) == value)
        {
            price = value;
            return true;
        }
        error = Problems.InvalidParameter(param, $"{param}_invalid", $"{param} must be a price in pounds from 0 to {PriceLimit.ToString(CultureInfo.InvariantCulture)}, at most two decimal places (e.g. 499.99).");
        return false;
    }
}
