using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Bulk;

internal sealed class BulkJobConfiguration : IEntityTypeConfiguration<BulkJob>
{
    public void Configure(EntityTypeBuilder<BulkJob> b)
    {
        b.ToTable("bulk_jobs");
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.Mode).HasMaxLength(16);
        b.Property(x => x.Format).HasMaxLength(8);
        b.Property(x => x.Filename).HasMaxLength(255);
        b.Property(x => x.IdempotencyKey).HasMaxLength(64);
        b.Property(x => x.ErrorCode).HasMaxLength(64);
        b.Property(x => x.ErrorMessage).HasMaxLength(1000);
        b.HasIndex(x => new { x.BrandId, x.CreatedAt });
        // One job per Idempotency-Key: a retried upload finds the job it already started.
        b.HasIndex(x => new { x.BrandId, x.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
    }
}
