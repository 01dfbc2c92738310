using System.Globalization;
using System.Text.Json;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Listings;

public static class ListingMapper
{
    public static ListingSummary Summary(Listing l, ListingUrls urls) => new(
        l.Id, l.Title, l.EffectivePrice, "GBP", l.Status, l.Images.FirstOrDefault(), l.BrandId, urls.For(l),
        WireFormat.Timestamp(l.CreatedAt), l.ViewCount, l.Category, l.Channel,
        PayoutCalculator.Payout(l.Channel, l.EffectivePrice, l.DeliveryContribution));

    public static ListingDetail Detail(Listing l, ListingUrls urls, string brandName) => new(
        l.Id, l.Title, l.EffectivePrice, "GBP", l.Status, l.Images.FirstOrDefault(), l.BrandId, urls.For(l),
        WireFormat.Timestamp(l.CreatedAt), WireFormat.Timestamp(l.UpdatedAt), l.ViewCount, l.Category, l.Channel,
        PayoutCalculator.Payout(l.Channel, l.EffectivePrice, l.DeliveryContribution),
        l.Description, l.RegularPrice, l.SalePrice, l.Rrp, l.Manufacturer, l.Colour, l.Fabric, l.AgeYears,
        l.Condition, l.ItemType, l.AvailableFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        l.ExposedTo, l.Faults, l.Sku, l.WarehouseLocation, l.DeliveryContribution, l.Quantity,
        JsonSerializer.Deserialize<List<MeasurementDto>>(l.Measurements, Http.Json.Options) ?? [],
        l.Images, l.OwnerType,
        l.OwnerType == "seller" && l.Seller is { } s ? new SellerInfo(s.Id, s.DisplayName) : new SellerInfo(null, brandName),
        l.Warehouse is { } w ? new WarehouseRef(w.Id, w.Label) : null);

    /// <summary>A trade-in as its consumer owner lists it.</summary>
    public static MyListingSummary Mine(Listing l, ListingUrls urls) => new(
        l.Id, l.Title, l.EffectivePrice, "GBP", l.Status, l.ReviewReasons ?? [], l.Images.FirstOrDefault(), urls.For(l),
        WireFormat.Timestamp(l.CreatedAt), l.Category, l.Channel, PayoutCalculator.Payout(l.Channel, l.EffectivePrice, l.DeliveryContribution));

    /// <summary>A trade-in in full as its consumer owner sees it; <paramref name="seller"/> is the owner's seller row.</summary>
    public static MyListingDetail MineInFull(Listing l, Seller seller, ListingUrls urls) => new(
        l.Id, l.Title, l.Description, l.EffectivePrice, "GBP", l.Status, l.ReviewReasons ?? [], l.Channel, l.Condition, l.Category,
        l.ItemType, l.Manufacturer, l.Colour, l.Fabric, l.AgeYears,
        JsonSerializer.Deserialize<List<MeasurementDto>>(l.Measurements, Http.Json.Options) ?? [], l.ExposedTo, l.Faults,
        l.DeliveryContribution, PayoutCalculator.Payout(l.Channel, l.EffectivePrice, l.DeliveryContribution), l.Images, l.Images.FirstOrDefault(),
        urls.For(l), new SellerInfo(seller.Id, seller.DisplayName), WireFormat.Timestamp(l.CreatedAt), WireFormat.Timestamp(l.UpdatedAt));
}
