using Microsoft.EntityFrameworkCore;

namespace Repurch.Api.Persistence;

/// <summary>
/// Gives every tenant entity (one with a string <c>BrandId</c>) its <c>brand_id</c> column of
/// <see cref="BrandIdLength"/> and a foreign key to <c>brands</c> (cascading, EF's default for a
/// required key), so the entity configurations do not repeat it. An entity keyed by the brand alone
/// (one row per brand) gets a one-to-one key.
/// </summary>
public static class TenantKeyConvention
{
    public const int BrandIdLength = 64;
    private const string BrandId = "BrandId";

    public static ModelBuilder ApplyTenantKey(this ModelBuilder b)
    {
        foreach (var type in b.Model.GetEntityTypes().ToList())
        {
            if (type.ClrType == typeof(Brand) || type.FindProperty(BrandId)?.ClrType != typeof(string)) continue;
            var entity = b.Entity(type.ClrType);
            entity.Property(BrandId).HasMaxLength(BrandIdLength);
            if (type.FindPrimaryKey() is { Properties: [{ Name: BrandId }] })
                entity.HasOne(typeof(Brand)).WithOne().HasForeignKey(type.ClrType, BrandId);
            else
                entity.HasOne(typeof(Brand)).WithMany().HasForeignKey(BrandId);
        }
        return b;
    }
}
