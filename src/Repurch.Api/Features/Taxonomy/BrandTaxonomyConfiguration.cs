using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Taxonomy;

internal sealed class BrandTaxonomyConfiguration : IEntityTypeConfiguration<BrandTaxonomy>
{
    public void Configure(EntityTypeBuilder<BrandTaxonomy> b)
    {
        b.HasKey(x => x.BrandId);
    }
}
