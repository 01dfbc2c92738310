using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Disputes;

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> b)
    {
        b.ToTable("disputes", t =>
        {
            t.HasCheckConstraint("ck_disputes_status", "status IN ('awaiting_seller','awaiting_buyer','under_review','resolved')");
            t.HasCheckConstraint("ck_disputes_reason", "reason IN ('not_received','not_as_described','damaged','other')");
            t.HasCheckConstraint("ck_disputes_outcome", "(status = 'resolved') = (outcome IS NOT NULL) AND (outcome IS NULL OR outcome IN ('refund','release','partial_refund'))");
            t.HasCheckConstraint("ck_disputes_text_status", "text_status IN ('delivered','held','blocked')");
            t.HasCheckConstraint("ck_disputes_refund", "amount_refunded >= 0 AND amount_refunded <= order_amount");
        });
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.OrderId).HasMaxLength(40);
        b.Property(x => x.OpenedBy).HasMaxLength(40);
        b.Property(x => x.BuyerAccountId).HasMaxLength(40);
        b.Property(x => x.Reason).HasMaxLength(24);
        b.Property(x => x.Text).HasMaxLength(8000);
        b.Property(x => x.TextStatus).HasMaxLength(16);
        b.Property(x => x.Status).HasMaxLength(24);
        b.Property(x => x.Outcome).HasMaxLength(24);
        b.Property(x => x.ResolvedBy).HasMaxLength(16);
        b.Property(x => x.OrderAmount).HasPrecision(12, 2);
        b.Property(x => x.AmountRefunded).HasPrecision(12, 2);
        b.Property(x => x.ProviderDisputeId).HasMaxLength(64);
        // One dispute per order that is not resolved: concurrent opens get one row, the other a unique violation.
        b.HasIndex(x => x.OrderId).IsUnique().HasFilter("status <> 'resolved'").HasDatabaseName("ux_disputes_open_order");
        b.HasIndex(x => x.ProviderDisputeId).IsUnique().HasFilter("provider_dispute_id IS NOT NULL");
        b.HasIndex(x => new { x.BrandId, x.CreatedAt });
        b.HasIndex(x => new { x.BuyerAccountId, x.CreatedAt });
        b.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
