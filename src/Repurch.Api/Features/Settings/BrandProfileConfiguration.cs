using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Settings;

internal sealed class BrandProfileConfiguration : IEntityTypeConfiguration<BrandProfile>
{
    public void Configure(EntityTypeBuilder<BrandProfile> b)
    {
        b.HasKey(x => x.BrandId);
        b.Property(x => x.DisplayName).HasMaxLength(80);
        b.Property(x => x.Tagline).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(5000);
        b.Property(x => x.SupportEmail).HasMaxLength(254);
        b.Property(x => x.SupportPhone).HasMaxLength(40);
        b.Property(x => x.LogoUrl).HasMaxLength(2048);
        b.Property(x => x.AccentColor).HasMaxLength(7);
    }
}
