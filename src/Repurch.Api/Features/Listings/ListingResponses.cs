using System.Globalization;
using System.Text.Json;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Listings;

public sealed record ListingSummary(
    long Id, string Title, decimal Price, string Currency, string Status, string? ImageUrl, string BrandId,
    string Url, string CreatedAt, int ViewCount, string Category, string Channel, decimal Payout);

public sealed record SellerInfo(long? Id, string DisplayName);
public sealed record WarehouseRef(Guid Id, string Label);

public sealed record ListingDetail(
    long Id, string Title, decimal Price, string Currency, string Status, string? ImageUrl, string BrandId,
    string Url, string CreatedAt, string UpdatedAt, int ViewCount, string Category, string Channel, decimal Payout,
    string? Description, decimal RegularPrice, decimal? SalePrice, decimal? Rrp, string? Brand, string? Colour,
    string? Fabric, string? AgeYears, string Condition, string? ItemType, string? AvailableFrom,
    IReadOnlyList<string> ExposedTo, IReadOnlyList<string> Faults, string? Sku, string? WarehouseLocation,
    int DeliveryContributionGbp, int QuantityIdentical, IReadOnlyList<MeasurementDto> Measurements,
    IReadOnlyList<string> Images, string Owner, SellerInfo Seller, WarehouseRef? Warehouse);

public sealed record ListMeta(int Page, int PerPage, int Total, int TotalPages, string BrandId);
public sealed record ListingPage(IReadOnlyList<ListingSummary> Data, ListMeta Meta);
public sealed record DeletedListing(bool Deleted, long Id);

public sealed class ListingUrls(Microsoft.Extensions.Options.IOptions<ListingUrlOptions> options)
{
    private readonly string _base = options.Value.MarketplaceUrl;

    public string For(Listing l) => $"{_base}/product/{l.Slug}-{l.Id}";
}

public static class ListingMapper
{
    public static string Timestamp(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>The same, or null for a time that has not happened.</summary>
    public static string? Timestamp(DateTimeOffset? t) => t is { } v ? Timestamp(v) : null;

    public static ListingSummary Summary(Listing l, ListingUrls urls) => new(
        l.Id, l.Title, l.EffectivePrice, "GBP", l.Status, l.Images.FirstOrDefault(), l.BrandId, urls.For(l),
        Timestamp(l.CreatedAt), l.ViewCount, l.Category, l.Channel,
        PayoutCalculator.Payout(l.Channel, l.EffectivePrice, l.DeliveryContribution));

    public static ListingDetail Detail(Listing l, ListingUrls urls, string brandName) => new(
        l.Id, l.Title, l.EffectivePrice, "GBP", l.Status, l.Images.FirstOrDefault(), l.BrandId, urls.For(l),
        Timestamp(l.CreatedAt), Timestamp(l.UpdatedAt), l.ViewCount, l.Category, l.Channel,
        PayoutCalculator.Payout(l.Channel, l.EffectivePrice, l.DeliveryContribution),
        l.Description, l.RegularPrice, l.SalePrice, l.Rrp, l.Manufacturer, l.Colour, l.Fabric, l.AgeYears,
        l.Condition, l.ItemType, l.AvailableFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        l.ExposedTo, l.Faults, l.Sku, l.WarehouseLocation, l.DeliveryContribution, l.Quantity,
        JsonSerializer.Deserialize<List<MeasurementDto>>(l.Measurements, Http.Json.Options) ?? [],
        l.Images, l.OwnerType,
        l.OwnerType == "seller" && l.Seller is { } s ? new SellerInfo(s.Id, s.DisplayName) : new SellerInfo(null, brandName),
        l.Warehouse is { } w ? new WarehouseRef(w.Id, w.Label) : null);
}
