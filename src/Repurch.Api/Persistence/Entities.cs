namespace Repurch.Api.Persistence;

public sealed class Brand
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public bool IsMarketplace { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class ApiKey
{
    public Guid Id { get; set; }
    public required string BrandId { get; set; }
    /// <summary>First characters of the key, safe to show in lists.</summary>
    public required string Prefix { get; set; }
    public required byte[] SecretHash { get; set; }
    public required string Role { get; set; }
    public required string[] Scopes { get; set; }
    public string? Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>The key that created this one through the API; null when an operator made it.</summary>
    public Guid? CreatedByKeyId { get; set; }
}

/// <summary>Per-brand HMAC key that signs that brand's access tokens.</summary>
public sealed class SigningKey
{
    public required string Kid { get; set; }
    public required string BrandId { get; set; }
    public required byte[] Secret { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class RefreshToken
{
    public Guid Id { get; set; }
    public required string BrandId { get; set; }
    public Guid FamilyId { get; set; }
    public Guid ApiKeyId { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>A consumer who lists a trade-in through a brand's storefront.</summary>
public sealed class Seller
{
    public long Id { get; set; }
    public required string BrandId { get; set; }
    public required string DisplayName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

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
