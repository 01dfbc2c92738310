using Repurch.Api.Http;

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

public sealed record ListingPage(IReadOnlyList<ListingSummary> Data, ListMeta Meta);

public sealed record DeletedListing(bool Deleted, long Id);

/// <summary>A consumer's own trade-in in its list: the status (with the screener's reasons while it is held) and the payout.</summary>
public sealed record MyListingSummary(
    long Id, string Title, decimal Price, string Currency, string Status, IReadOnlyList<string> ReviewReasons, string? ImageUrl,
    string Url, string CreatedAt, string Category, string Channel, decimal Payout);

/// <summary>A consumer's own trade-in in full, as its owner sees it.</summary>
public sealed record MyListingDetail(
    long Id, string Title, string? Description, decimal Price, string Currency, string Status, IReadOnlyList<string> ReviewReasons,
    string Channel, string Condition, string Category, string? ItemType, string? Brand, string? Colour, string? Fabric, string? AgeYears,
    IReadOnlyList<MeasurementDto> Measurements, IReadOnlyList<string> ExposedTo, IReadOnlyList<string> Faults, int DeliveryContributionGbp,
    decimal Payout, IReadOnlyList<string> Images, string? ImageUrl, string Url, SellerInfo Seller, string CreatedAt, string UpdatedAt);

public sealed record MyListingPage(IReadOnlyList<MyListingSummary> Data, ListMeta Meta);

/// <summary>What a trade-in at this price would pay its seller in credit (channel exchange), step by step.</summary>
public sealed record PayoutEstimate(
    decimal PriceGbp, decimal CommissionRate, decimal CommissionGbp, decimal VatGbp, decimal DeliveryContributionGbp, decimal PayoutGbp);
