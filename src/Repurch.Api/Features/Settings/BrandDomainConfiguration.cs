using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Settings;

internal sealed class BrandDomainConfiguration : IEntityTypeConfiguration<BrandDomain>
{
    public void Configure(EntityTypeBuilder<BrandDomain> b)
    {
        b.ToTable("brand_domains");
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.Host).HasMaxLength(HostNames.MaxLength);
        b.Property(x => x.Storefront).HasMaxLength(16);
        b.Property(x => x.VerificationToken).HasMaxLength(64);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => new { x.BrandId, x.Host }).IsUnique();
        // A host belongs to one brand once verified, whichever brand asks (the index sees past row-level security).
        b.HasIndex(x => x.Host).IsUnique().HasFilter("verified_at IS NOT NULL").HasDatabaseName("ux_brand_domains_verified_host");
    }
}
