namespace Repurch.Api.Persistence;

public sealed class Listing
{
    public long Id { get; set; }
    public required string BrandId { get; set; }
    /// <summary><c>brand</c> for partner stock, <c>seller</c> for a consumer's trade-in.</summary>
    public string OwnerType { get; set; } = "brand";
    public long? SellerId { get; set; }
    public Seller? Seller { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string Channel { get; set; } = "exchange";
    public string Status { get; set; } = "active";
    /// <summary>Why a consumer trade-in is held (<c>status: pending_review</c>): the screening's reason codes.</summary>
    public string[]? ReviewReasons { get; set; }
    public decimal RegularPrice { get; set; }
    public decimal? SalePrice { get; set; }
    public decimal? Rrp { get; set; }
    public int DeliveryContribution { get; set; }
    public required string Condition { get; set; }
    public required string Category { get; set; }
    public string? ItemType { get; set; }
    public string? Manufacturer { get; set; }
    public string? Colour { get; set; }
    public string? Fabric { get; set; }
    public string? AgeYears { get; set; }
    public DateOnly? AvailableFrom { get; set; }
    public int Quantity { get; set; } = 1;
    /// <summary>JSON array of <c>{dimension, value_cm}</c> pairs, stored as jsonb.</summary>
    public string Measurements { get; set; } = "[]";
    public string[] ExposedTo { get; set; } = [];
    public string[] Faults { get; set; } = [];
    public string[] Images { get; set; } = [];
    public string? Sku { get; set; }
    public string? WarehouseLocation { get; set; }
    /// <summary>The warehouse the item sits in; new listings inherit the brand's default.</summary>
    public Guid? WarehouseId { get; set; }
    public Warehouse? Warehouse { get; set; }
    public int ViewCount { get; set; }
    public required string Slug { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The price a buyer pays: the sale price when set, else the regular price.</summary>
    public decimal EffectivePrice => SalePrice ?? RegularPrice;
}
