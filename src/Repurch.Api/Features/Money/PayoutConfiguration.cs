using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

internal sealed class PayoutConfiguration : IEntityTypeConfiguration<Payout>
{
    public void Configure(EntityTypeBuilder<Payout> b)
    {
        b.ToTable("payouts", t => t.HasCheckConstraint("ck_payouts_status", "status IN ('pending','sent','settled','failed')"));
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.OrderId).HasMaxLength(40);
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.ProviderBatchId).HasMaxLength(64);
        b.Property(x => x.FailureReason).HasMaxLength(500);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => new { x.BrandId, x.CreatedAt });
        b.HasIndex(x => x.OrderId).IsUnique();
        b.HasIndex(x => x.CreatedAt).HasFilter("status = 'pending'").HasDatabaseName("ix_payouts_pending");
        b.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId);
    }
}
