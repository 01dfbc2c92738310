using System.Globalization;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Taxonomy;

namespace Repurch.Api.Features.Bulk;

/// <summary>
/// The columns of a bulk file, in the template's order (the API reference's example headers first).
/// Each maps to the create-listing field of the same name, and each row is validated by
/// <see cref="ListingInput.Apply"/> exactly as a POST /v1/listings body would be.
/// </summary>
public static class BulkColumns
{
    public const int MaxRows = 200;
    public const string MissingTitle = "(missing title)";

    public static readonly BulkColumn[] All =
    [
        new("title", CellKind.Text, "Display title, up to 200 characters.", Required: true),
        new("price_gbp", CellKind.Money, "Sale price in GBP, e.g. 899 or 899.50.", Required: true),
        new("category", CellKind.Choice, "Pick from the list (your taxonomy).", Required: true),
        new("condition", CellKind.Choice, "like-new, excellent, gently-used or fair.", Required: true),
        new("brand", CellKind.Choice, "Manufacturer; pick from the list."),
        new("colour", CellKind.Choice, "Dominant colour; pick from the list."),
        new("fabric", CellKind.Choice, "Upholstery material; pick from the list."),
        new("age_years", CellKind.Choice, "Age band; pick from the list."),
        new("item_type", CellKind.Choice, "Pick from the list."),
        new("description", CellKind.Text, "Long-form description, plain text or basic HTML."),
        new("sale_price_gbp", CellKind.Money, "Promotional price, not above price_gbp."),
        new("rrp_gbp", CellKind.Money, "Original retail price."),
        new("delivery_contribution_gbp", CellKind.WholeNumber, "0, 30, 60 or 129 (=free delivery). Blank means 0."),
        new("quantity_identical", CellKind.WholeNumber, "Identical units in stock, 1 to 10000. Blank means 1."),
        new("available_from", CellKind.Date, "Date the item can be collected, YYYY-MM-DD."),
        new("exposed_to", CellKind.Multi, "Dogs, Cats, Smoke or None; several separated by commas."),
        new("faults", CellKind.Multi, "Rips or tears, Fire Label or None; several separated by commas. Blank means None."),
        new("status", CellKind.Choice, "active (default) or draft."),
        new("sku", CellKind.Text, "Your stock keeping unit. In background jobs a row whose sku matches a listing updates it."),
        new("warehouse_location", CellKind.Text, "Free-form bay or aisle."),
        new("images", CellKind.Urls, "Image URLs (http or https) separated by spaces or line breaks; the first is the cover."),
    ];

    /// <summary>Columns a job report adds; ignored when a corrected report is uploaded again.</summary>
    public static readonly string[] ReportColumns = ["import_result", "import_errors", "listing_id"];

    public static BulkColumn? Find(string name) => Array.Find(All, c => c.Name == name);

    /// <summary>The values an enumerated column accepts for the brand, or null for free columns.</summary>
    public static IReadOnlyList<string>? Choices(string column, ListingOptions o) => column switch
    {
        "category" => o.Categories,
        "condition" => o.Conditions.Select(c => c.Value).ToList(),
        "brand" => o.Brands,
        "colour" => o.Colours,
        "fabric" => o.Fabrics,
        "age_years" => o.Ages,
        "item_type" => o.ItemTypes,
        "delivery_contribution_gbp" => PlatformTaxonomy.DeliveryContributions.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToList(),
        "exposed_to" => o.Exposures.Select(e => e.Value).ToList(),
        "faults" => o.Faults.Select(f => f.Value).ToList(),
        "status" => ListingInput.InputStatuses,
        _ => null,
    };

    /// <summary>Header cells as written in files: trimmed, case and spaces forgiven ("Price GBP" is price_gbp).</summary>
    public static string Normalize(string? header) =>
        (header ?? "").Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
}
