using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Trust;

internal sealed class BrandTrustPolicyConfiguration : IEntityTypeConfiguration<BrandTrustPolicy>
{
    public void Configure(EntityTypeBuilder<BrandTrustPolicy> b)
    {
        b.ToTable("trust_policies");
        b.HasKey(x => x.BrandId);
        b.Property(x => x.Actions).HasColumnType("jsonb");
    }
}
