using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
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
/// "Chesterfield"); always allowing that would let "feather" find "leather". Both are index lookups
/// (GIN on the document and on the title's trigrams), so the cost follows the matches, not the listings.
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

    /// <summary>Checks the query string; the error names the first bad parameter.</summary>
    public static bool TryParse(MarketplaceListingQuery query, out MarketplaceSearch search, out ApiErrorResult? error)
    {
        search = null!;
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

    /// <summary>One page of the visible listings as asked, counted up to <see cref="MaxResults"/>; text that matches nothing as typed is tried again allowing typos.</summary>
    public async Task<(Page<Listing> Rows, MarketplaceSearch Used)> ReadAsync(RepurchDb db, IQueryable<Listing> visible, int page, int perPage, HttpContext http, CancellationToken ct)
    {
        var rows = await Paging.ReadCappedPageAsync(Order(db, visible), Narrow(db, visible), MaxResults, page, perPage, http, ct);
        if (rows.Total > 0 || Text is null) return (rows, this);
        var fuzzy = this with { Fuzzy = true };
        return (await Paging.ReadCappedPageAsync(fuzzy.Order(db, visible), fuzzy.Narrow(db, visible), MaxResults, page, perPage, http, ct), fuzzy);
    }

    /// <summary>Page numbers that reach past <see cref="MaxResults"/> are refused rather than read.</summary>
    public static ApiErrorResult? CheckDepth(int page, int perPage) =>
        (long)(page - 1) * perPage >= MaxResults
            ? Problems.InvalidParameter("page", "page_too_deep", $"Only the first {MaxResults} results can be paged through; narrow the search with q or filters.")
            : null;

    /// <summary>The visible listings narrowed by every filter and the search text (unordered): what facets count.</summary>
    public IQueryable<Listing> Narrow(RepurchDb db, IQueryable<Listing> visible)
    {
        var filtered = Filter(visible);
        if (Text is null) return filtered;
        var hits = Hits(db);
        return filtered.Where(l => hits.Any(h => h.ListingId == l.Id));
    }

    /// <summary>The narrowed listings in the asked order; ties broken newest first, then by id.</summary>
    public IQueryable<Listing> Order(RepurchDb db, IQueryable<Listing> visible) => Sort switch
    {
        // The join both narrows to the matches and brings their rank.
        "relevance" when Text is not null => Filter(visible).Join(Hits(db), l => l.Id, h => h.ListingId, (l, h) => new { l, h.Rank })
            .OrderByDescending(x => x.Rank).ThenByDescending(x => x.l.CreatedAt).ThenByDescending(x => x.l.Id).Select(x => x.l),
        "price_asc" => Narrow(db, visible).OrderBy(l => l.SalePrice ?? l.RegularPrice).ThenByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id),
        "price_desc" => Narrow(db, visible).OrderByDescending(l => l.SalePrice ?? l.RegularPrice).ThenByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id),
        _ => Narrow(db, visible).OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id),
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
    public static async Task<MarketplaceFacets> FacetsAsync(IQueryable<Listing> narrowed, CancellationToken ct)
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
    /// The listings the text matches, with their rank. Raw SQL because the match uses the stored
    /// document column and the trigram operator, which the model does not map; the listings table's
    /// row-level security applies to it like to any other read.
    /// </summary>
    private IQueryable<SearchHit> Hits(RepurchDb db)
    {
        var sql = new StringBuilder("SELECT l.id AS listing_id, (ts_rank_cd(l.search_document, websearch_to_tsquery('english', @q)) + word_similarity(@q, l.title))::real AS rank FROM listings l WHERE true");
        var parameters = new List<object> { new NpgsqlParameter("q", Text!) };
        for (var i = 0; i < Words.Count; i++)
        {
            // A stop word ("the") makes an empty query, which matches nothing: such a word asks for nothing.
            sql.Append(CultureInfo.InvariantCulture, $" AND (numnode(to_tsquery('english', @p{i})) = 0 OR l.search_document @@ to_tsquery('english', @p{i})");
            sql.Append(Fuzzy ? string.Create(CultureInfo.InvariantCulture, $" OR @w{i} <% l.title)") : ")");
            parameters.Add(new NpgsqlParameter($"p{i}", Words[i] + ":*"));
            if (Fuzzy) parameters.Add(new NpgsqlParameter($"w{i}", Words[i]));
        }
        if (Words.Count == 0) sql.Append(" AND false");
        return db.Database.SqlQueryRaw<SearchHit>(sql.ToString(), [.. parameters]);
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
