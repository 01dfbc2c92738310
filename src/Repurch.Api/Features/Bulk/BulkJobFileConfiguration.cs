using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Bulk;

internal sealed class BulkJobFileConfiguration : IEntityTypeConfiguration<BulkJobFile>
{
    public void Configure(EntityTypeBuilder<BulkJobFile> b)
    {
        b.ToTable("bulk_job_files");
        b.HasKey(x => x.JobId);
        b.HasOne<BulkJob>().WithOne().HasForeignKey<BulkJobFile>(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
