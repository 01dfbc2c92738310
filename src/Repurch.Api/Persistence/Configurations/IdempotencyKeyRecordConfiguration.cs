using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Repurch.Api.Persistence.Configurations;

internal sealed class IdempotencyKeyRecordConfiguration : IEntityTypeConfiguration<IdempotencyKeyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyKeyRecord> b)
    {
        b.ToTable("idempotency_keys");
        b.HasKey(x => new { x.BrandId, x.Key });
        b.Property(x => x.Key).HasMaxLength(255);
        b.Property(x => x.Method).HasMaxLength(16);
        b.Property(x => x.ResponseContentType).HasMaxLength(200);
        // Expired keys are swept per brand, oldest first.
        b.HasIndex(x => new { x.BrandId, x.ExpiresAt });
    }
}
