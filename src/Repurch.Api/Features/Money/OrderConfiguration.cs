using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("orders", t =>
        {
            t.HasCheckConstraint("ck_orders_quantity", "quantity > 0");
            t.HasCheckConstraint("ck_orders_status", "status IN ('pending_payment','paid','completed','refunded','cancelled')");
            t.HasCheckConstraint("ck_orders_money", "amount = unit_price * quantity AND payout = amount - commission - vat - delivery_contribution");
        });
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.MarketplaceBrandId).HasMaxLength(TenantKeyConvention.BrandIdLength);
        b.Property(x => x.ListingTitle).HasMaxLength(200);
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.OwnerType).HasMaxLength(16);
        b.Property(x => x.BuyerEmail).HasMaxLength(254);
        b.Property(x => x.BuyerName).HasMaxLength(200);
        b.Property(x => x.Status).HasMaxLength(24);
        foreach (var p in new[] { nameof(Order.UnitPrice), nameof(Order.Amount), nameof(Order.Commission), nameof(Order.Vat), nameof(Order.DeliveryContribution), nameof(Order.Payout) })
            b.Property(p).HasPrecision(12, 2);
        b.Property(x => x.PaymentProvider).HasMaxLength(16);
        b.Property(x => x.ProviderOrderId).HasMaxLength(64);
        b.Property(x => x.ProviderCaptureId).HasMaxLength(64);
        b.Property(x => x.ProviderRefundId).HasMaxLength(64);
        b.Property(x => x.ApproveUrl).HasMaxLength(2048);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => new { x.BrandId, x.CreatedAt });
        b.Property(x => x.BuyerAccountId).HasMaxLength(40);
        b.HasIndex(x => new { x.BrandId, x.BuyerAccountId, x.CreatedAt }).HasFilter("buyer_account_id IS NOT NULL");
        b.HasIndex(x => new { x.MarketplaceBrandId, x.CreatedAt });
        b.HasIndex(x => x.ReleaseDueAt).HasFilter("status = 'paid'").HasDatabaseName("ix_orders_release_due");
        b.HasOne<Listing>().WithMany().HasForeignKey(x => x.ListingId).OnDelete(DeleteBehavior.Restrict);
    }
}
