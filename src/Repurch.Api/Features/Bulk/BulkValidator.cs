using System.Text.Json;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Bulk;

public static class BulkValidator
{
    /// <summary>Validates a row by building a fresh listing from it; the listing is ready to save when <see cref="CheckedRow.Ok"/>.</summary>
    /// <remarks>The row's title and description are screened as a single create's are (<see cref="ListingTextCheck"/>).</remarks>
    public static CheckedRow Check(BulkHeader header, SheetRow row, ListingOptions options, ListingTextCheck text, string brandId, DateTimeOffset now)
    {
        var listing = NewListing(brandId, now);
        List<string> errors;
        using (var json = header.ToJson(row))
        {
            errors = ListingInput.Apply(json.RootElement, listing, options, creating: true);
        }
        text.Check(listing, errors);
        if (row.Malformed) errors.Insert(0, "row_malformed");
        if (errors.Count == 0) listing.Slug = ListingInput.Slugify(listing.Title);
        return new CheckedRow(row, header.Title(row), errors.Count == 0 ? listing : null, errors);
    }

    /// <summary>Applies an already validated row to an existing listing (an update by sku).</summary>
    public static void ApplyTo(BulkHeader header, SheetRow row, Listing existing, ListingOptions options, DateTimeOffset now)
    {
        using var json = header.ToJson(row);
        ListingInput.Apply(json.RootElement, existing, options, creating: true);
        existing.Slug = ListingInput.Slugify(existing.Title);
        existing.UpdatedAt = now;
    }

    public static Listing NewListing(string brandId, DateTimeOffset now) => new()
    {
        BrandId = brandId, Title = "", Condition = "", Category = "", Slug = "", CreatedAt = now, UpdatedAt = now,
    };

    internal static string Json(object value) => JsonSerializer.Serialize(value, Http.Json.Options);
}
