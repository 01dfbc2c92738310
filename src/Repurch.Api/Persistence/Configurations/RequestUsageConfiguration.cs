using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Repurch.Api.Persistence.Configurations;

internal sealed class RequestUsageConfiguration : IEntityTypeConfiguration<RequestUsage>
{
    public void Configure(EntityTypeBuilder<RequestUsage> b)
    {
        b.ToTable("request_usage");
        // The usage report reads a brand's last 24 hours: the key's prefix serves it.
        b.HasKey(x => new { x.BrandId, x.Hour, x.Route });
        b.Property(x => x.Route).HasMaxLength(300);
        b.Property(x => x.Errors4xx).HasColumnName("errors_4xx");
        b.Property(x => x.Errors5xx).HasColumnName("errors_5xx");
        b.Property(x => x.LatencyBuckets).HasColumnName("latency_ms_buckets");
    }
}
