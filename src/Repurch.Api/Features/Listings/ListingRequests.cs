namespace Repurch.Api.Features.Listings;

/// <summary>The body of create and update, for the OpenAPI document (bodies are validated field by field).</summary>
public sealed record ListingWrite(
    string Title, string? Description, string? Channel, string? Status, decimal PriceGbp, decimal? SalePriceGbp,
    decimal? RrpGbp, int? DeliveryContributionGbp, string Condition, string Category, string? ItemType,
    string? Brand, string? Colour, string? Fabric, string? AgeYears, string? AvailableFrom, int? QuantityIdentical,
    IReadOnlyList<MeasurementDto>? Measurements, IReadOnlyList<string>? ExposedTo, IReadOnlyList<string>? Faults,
    IReadOnlyList<string>? Images, IReadOnlyList<long>? AttachmentIds, string? Sku, string? WarehouseLocation, Guid? WarehouseId);
