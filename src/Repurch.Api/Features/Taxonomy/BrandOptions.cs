using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Taxonomy;

/// <summary>
/// A brand's effective option lists: each of brands, colours, fabrics, ages and categories is the
/// brand's own list when it has set one, else the platform default. Item types, conditions,
/// exposures and faults are always the platform's.
/// </summary>
public static class BrandOptions
{
    /// <summary>The lists a brand may override, by their wire name, in the order responses list them.</summary>
    public static readonly string[] Lists = ["brands", "colours", "fabrics", "ages", "categories"];

    public static ListingOptions Defaults => PlatformTaxonomy.Defaults;

    /// <summary>The effective options of the context's brand (RLS limits the row to that brand).</summary>
    public static async Task<ListingOptions> LoadAsync(RepurchDb db, CancellationToken ct)
    {
        if (db.BrandId is not { } brandId) return Defaults;
        var row = await db.BrandTaxonomies.AsNoTracking().FirstOrDefaultAsync(t => t.BrandId == brandId, ct);
        return Effective(row);
    }

    public static ListingOptions Effective(BrandTaxonomy? row) => row is null ? Defaults : Defaults with
    {
        Brands = row.Brands ?? Defaults.Brands,
        Colours = row.Colours ?? Defaults.Colours,
        Fabrics = row.Fabrics ?? Defaults.Fabrics,
        Ages = row.Ages ?? Defaults.Ages,
        Categories = row.Categories ?? Defaults.Categories,
    };

    /// <summary>The brand's stored list for <paramref name="list"/>; null while it uses the default.</summary>
    public static string[]? Stored(BrandTaxonomy? row, string list) => row is null ? null : list switch
    {
        "brands" => row.Brands,
        "colours" => row.Colours,
        "fabrics" => row.Fabrics,
        "ages" => row.Ages,
        "categories" => row.Categories,
        _ => throw new ArgumentOutOfRangeException(nameof(list)),
    };

    public static void Store(BrandTaxonomy row, string list, string[]? values)
    {
        switch (list)
        {
            case "brands": row.Brands = values; break;
            case "colours": row.Colours = values; break;
            case "fabrics": row.Fabrics = values; break;
            case "ages": row.Ages = values; break;
            case "categories": row.Categories = values; break;
            default: throw new ArgumentOutOfRangeException(nameof(list));
        }
    }

    public static IReadOnlyList<string> Default(string list) => Effective(row: null, list);

    public static IReadOnlyList<string> Effective(BrandTaxonomy? row, string list) => Stored(row, list) ?? list switch
    {
        "brands" => Defaults.Brands,
        "colours" => Defaults.Colours,
        "fabrics" => Defaults.Fabrics,
        "ages" => Defaults.Ages,
        "categories" => Defaults.Categories,
        _ => throw new ArgumentOutOfRangeException(nameof(list)),
    };
}
