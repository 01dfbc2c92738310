using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Repurch.Api.Persistence.Configurations;

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> b)
    {
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.BrandId, x.FamilyId });
        b.Property(x => x.AccountId).HasMaxLength(40);
        b.HasIndex(x => new { x.BrandId, x.AccountId }).HasFilter("account_id IS NOT NULL AND revoked_at IS NULL");
    }
}
