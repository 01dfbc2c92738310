using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Flags;

internal sealed class BrandFeatureFlagConfiguration : IEntityTypeConfiguration<BrandFeatureFlag>
{
    public void Configure(EntityTypeBuilder<BrandFeatureFlag> b)
    {
        b.ToTable("brand_feature_flags");
        b.HasKey(x => new { x.BrandId, x.Name });
        b.Property(x => x.Name).HasMaxLength(FeatureCatalogue.MaxNameLength);
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
    }
}
