using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Taxonomy;

internal sealed class CrossListingRuleConfiguration : IEntityTypeConfiguration<CrossListingRule>
{
    public void Configure(EntityTypeBuilder<CrossListingRule> b)
    {
        b.HasKey(x => new { x.BrandId, x.Category });
        b.Property(x => x.Category).HasMaxLength(100);
    }
}
