using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Repurch.Api.Persistence.Configurations;

internal sealed class EventRecordConfiguration : IEntityTypeConfiguration<EventRecord>
{
    public void Configure(EntityTypeBuilder<EventRecord> b)
    {
        b.ToTable("events");
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.Seq).UseIdentityAlwaysColumn();
        b.HasAlternateKey(x => x.Seq);
        b.Property(x => x.Type).HasMaxLength(64);
        b.Property(x => x.Data).HasColumnType("jsonb");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        // GET /v1/events reads newest first, optionally by type; the dispatcher reads what is not fanned out yet.
        b.HasIndex(x => new { x.BrandId, x.Seq }).IsDescending(false, true);
        b.HasIndex(x => new { x.BrandId, x.Type, x.Seq }).IsDescending(false, false, true);
        b.HasIndex(x => new { x.BrandId, x.Seq }).HasFilter("fanned_out_at IS NULL").HasDatabaseName("ix_events_pending_fan_out");
    }
}
