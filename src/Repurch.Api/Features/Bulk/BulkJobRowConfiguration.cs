using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Bulk;

internal sealed class BulkJobRowConfiguration : IEntityTypeConfiguration<BulkJobRow>
{
    public void Configure(EntityTypeBuilder<BulkJobRow> b)
    {
        b.ToTable("bulk_job_rows");
        b.HasKey(x => new { x.JobId, x.Row });
        b.Property(x => x.Result).HasMaxLength(16);
        b.HasOne<BulkJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
