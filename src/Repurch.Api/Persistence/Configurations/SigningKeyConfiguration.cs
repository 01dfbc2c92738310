using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Repurch.Api.Persistence.Configurations;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.HasKey(x => x.Kid);
        b.Property(x => x.Kid).HasMaxLength(64);
        b.HasIndex(x => x.BrandId);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
    }
}
