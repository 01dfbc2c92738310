using Microsoft.EntityFrameworkCore;

namespace Repurch.Api.Persistence;

public sealed class RepurchDb(DbContextOptions<RepurchDb> options) : DbContext(options)
{
    /// <summary>
    /// The brand whose rows this context may see. <see cref="BrandSessionInterceptor"/> writes it
    /// into the connection's <c>app.brand_id</c> setting that the row-level security policies read;
    /// null leaves it unset, so every tenant table reads as empty.
    /// </summary>
    public string? BrandId { get; set; }

    public DbSet<Brand> Brands => Set<Brand>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Seller> Sellers => Set<Seller>();
    public DbSet<Listing> Listings => Set<Listing>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Brand>(e =>
        {
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        });
        b.Entity<ApiKey>(e =>
        {
            e.HasIndex(x => x.SecretHash).IsUnique();
            e.HasIndex(x => new { x.BrandId, x.CreatedAt });
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.Prefix).HasMaxLength(32);
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<SigningKey>(e =>
        {
            e.HasKey(x => x.Kid);
            e.Property(x => x.Kid).HasMaxLength(64);
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.HasIndex(x => x.BrandId);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<RefreshToken>(e =>
        {
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => new { x.BrandId, x.FamilyId });
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<Seller>(e =>
        {
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasIndex(x => x.BrandId);
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<Listing>(e =>
        {
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.OwnerType).HasMaxLength(16);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(20000);
            e.Property(x => x.Channel).HasMaxLength(16);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.RegularPrice).HasPrecision(12, 2);
            e.Property(x => x.SalePrice).HasPrecision(12, 2);
            e.Property(x => x.Rrp).HasPrecision(12, 2);
            e.Property(x => x.Condition).HasMaxLength(32);
            e.Property(x => x.Category).HasMaxLength(100);
            e.Property(x => x.ItemType).HasMaxLength(100);
            e.Property(x => x.Manufacturer).HasMaxLength(100);
            e.Property(x => x.Colour).HasMaxLength(100);
            e.Property(x => x.Fabric).HasMaxLength(100);
            e.Property(x => x.AgeYears).HasMaxLength(100);
            e.Property(x => x.Measurements).HasColumnType("jsonb");
            e.Property(x => x.Sku).HasMaxLength(100);
            e.Property(x => x.WarehouseLocation).HasMaxLength(100);
            e.Property(x => x.Slug).HasMaxLength(250);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
            e.Ignore(x => x.EffectivePrice);
            // The list endpoint reads a brand's live rows newest first.
            e.HasIndex(x => new { x.BrandId, x.CreatedAt, x.Id })
                .HasFilter("deleted_at IS NULL")
                .IsDescending(false, true, true)
                .HasDatabaseName("ix_listings_brand_newest");
            e.HasIndex(x => new { x.BrandId, x.Sku }).HasFilter("sku IS NOT NULL AND deleted_at IS NULL");
            e.HasOne(x => x.Seller).WithMany().HasForeignKey(x => x.SellerId);
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_listings_owner", "(owner_type = 'brand' AND seller_id IS NULL) OR (owner_type = 'seller' AND seller_id IS NOT NULL)");
                t.HasCheckConstraint("ck_listings_prices", "regular_price >= 0 AND (sale_price IS NULL OR sale_price >= 0) AND (rrp IS NULL OR rrp >= 0)");
                t.HasCheckConstraint("ck_listings_quantity", "quantity >= 0");
            });
        });
    }
}
