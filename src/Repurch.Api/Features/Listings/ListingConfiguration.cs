using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Listings;

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> b)
    {
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.OwnerType).HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(20000);
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.RegularPrice).HasPrecision(12, 2);
        b.Property(x => x.SalePrice).HasPrecision(12, 2);
        b.Property(x => x.Rrp).HasPrecision(12, 2);
        b.Property(x => x.Condition).HasMaxLength(32);
        b.Property(x => x.Category).HasMaxLength(100);
        b.Property(x => x.ItemType).HasMaxLength(100);
        b.Property(x => x.Manufacturer).HasMaxLength(100);
        b.Property(x => x.Colour).HasMaxLength(100);
        b.Property(x => x.Fabric).HasMaxLength(100);
        b.Property(x => x.AgeYears).HasMaxLength(100);
        b.Property(x => x.Measurements).HasColumnType("jsonb");
        b.Property(x => x.Sku).HasMaxLength(100);
        b.Property(x => x.WarehouseLocation).HasMaxLength(100);
        b.Property(x => x.Slug).HasMaxLength(250);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.Ignore(x => x.EffectivePrice);
        // The list endpoint reads a brand's live rows newest first.
        b.HasIndex(x => new { x.BrandId, x.CreatedAt, x.Id })
            .HasFilter("deleted_at IS NULL")
            .IsDescending(false, true, true)
            .HasDatabaseName("ix_listings_brand_newest");
        // The default list (one status, newest first) counts and pages from this index alone.
        b.HasIndex(x => new { x.BrandId, x.Status, x.CreatedAt, x.Id })
            .HasFilter("deleted_at IS NULL")
            .IsDescending(false, false, true, true)
            .HasDatabaseName("ix_listings_brand_status_newest");
        b.HasIndex(x => new { x.BrandId, x.Status, x.Channel, x.CreatedAt, x.Id })
            .HasFilter("deleted_at IS NULL")
            .IsDescending(false, false, false, true, true)
            .HasDatabaseName("ix_listings_brand_status_channel_newest");
        // The marketplace feed reads every brand's active listings newest first.
        b.HasIndex(x => new { x.CreatedAt, x.Id })
            .HasFilter("deleted_at IS NULL AND status = 'active'")
            .IsDescending(true, true)
            .HasDatabaseName("ix_listings_marketplace_newest");
        b.HasIndex(x => new { x.BrandId, x.Sku }).HasFilter("sku IS NOT NULL AND deleted_at IS NULL");
        b.HasOne(x => x.Seller).WithMany().HasForeignKey(x => x.SellerId);
        b.HasOne(x => x.Warehouse).WithMany().HasForeignKey(x => x.WarehouseId).OnDelete(DeleteBehavior.SetNull);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_listings_owner", "(owner_type = 'brand' AND seller_id IS NULL) OR (owner_type = 'seller' AND seller_id IS NOT NULL)");
            t.HasCheckConstraint("ck_listings_prices", "regular_price >= 0 AND (sale_price IS NULL OR sale_price >= 0) AND (rrp IS NULL OR rrp >= 0)");
            t.HasCheckConstraint("ck_listings_quantity", "quantity >= 0");
        });
    }
}
