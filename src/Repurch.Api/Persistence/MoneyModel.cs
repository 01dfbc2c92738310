using Microsoft.EntityFrameworkCore;

namespace Repurch.Api.Persistence;

/// <summary>Mapping of the money tables: orders, ledger, payouts, credit codes.</summary>
internal static class MoneyModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<LedgerEntry>(e =>
        {
            e.ToTable("ledger_entries", t => t.HasCheckConstraint("ck_ledger_entries_amount", "amount_pence <> 0"));
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Account).HasMaxLength(32);
            e.Property(x => x.OrderId).HasMaxLength(40);
            e.Property(x => x.PayoutId).HasMaxLength(40);
            e.Property(x => x.CreditCodeId).HasMaxLength(40);
            e.Property(x => x.RedemptionId).HasMaxLength(40);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasIndex(x => new { x.BrandId, x.CreatedAt, x.Id });
            e.HasIndex(x => new { x.BrandId, x.PostingId });
            e.HasIndex(x => new { x.BrandId, x.OrderId }).HasFilter("order_id IS NOT NULL");
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<Order>(e =>
        {
            e.ToTable("orders", t =>
            {
                t.HasCheckConstraint("ck_orders_quantity", "quantity > 0");
                t.HasCheckConstraint("ck_orders_status", "status IN ('pending_payment','paid','completed','refunded','cancelled')");
                t.HasCheckConstraint("ck_orders_money", "amount = unit_price * quantity AND payout = amount - commission - vat - delivery_contribution");
            });
            e.Property(x => x.Id).HasMaxLength(40);
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.MarketplaceBrandId).HasMaxLength(64);
            e.Property(x => x.ListingTitle).HasMaxLength(200);
            e.Property(x => x.Channel).HasMaxLength(16);
            e.Property(x => x.OwnerType).HasMaxLength(16);
            e.Property(x => x.BuyerEmail).HasMaxLength(254);
            e.Property(x => x.BuyerName).HasMaxLength(200);
            e.Property(x => x.Status).HasMaxLength(24);
            foreach (var p in new[] { nameof(Order.UnitPrice), nameof(Order.Amount), nameof(Order.Commission), nameof(Order.Vat), nameof(Order.DeliveryContribution), nameof(Order.Payout) })
                e.Property(p).HasPrecision(12, 2);
            e.Property(x => x.PaymentProvider).HasMaxLength(16);
            e.Property(x => x.ProviderOrderId).HasMaxLength(64);
            e.Property(x => x.ProviderCaptureId).HasMaxLength(64);
            e.Property(x => x.ProviderRefundId).HasMaxLength(64);
            e.Property(x => x.ApproveUrl).HasMaxLength(2048);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasIndex(x => new { x.BrandId, x.CreatedAt });
            e.HasIndex(x => new { x.MarketplaceBrandId, x.CreatedAt });
            e.HasIndex(x => x.ReleaseDueAt).HasFilter("status = 'paid'").HasDatabaseName("ix_orders_release_due");
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
            e.HasOne<Listing>().WithMany().HasForeignKey(x => x.ListingId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Payout>(e =>
        {
            e.ToTable("payouts", t => t.HasCheckConstraint("ck_payouts_status", "status IN ('pending','sent','settled','failed')"));
            e.Property(x => x.Id).HasMaxLength(40);
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.OrderId).HasMaxLength(40);
            e.Property(x => x.Amount).HasPrecision(12, 2);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.ProviderBatchId).HasMaxLength(64);
            e.Property(x => x.FailureReason).HasMaxLength(500);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasIndex(x => new { x.BrandId, x.CreatedAt });
            e.HasIndex(x => x.OrderId).IsUnique();
            e.HasIndex(x => x.CreatedAt).HasFilter("status = 'pending'").HasDatabaseName("ix_payouts_pending");
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
            e.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId);
        });
        b.Entity<CreditCode>(e =>
        {
            e.ToTable("credit_codes", t => t.HasCheckConstraint("ck_credit_codes_status", "status IN ('active','redeemed','voided')"));
            e.Property(x => x.Id).HasMaxLength(40);
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.OrderId).HasMaxLength(40);
            e.Property(x => x.Hint).HasMaxLength(8);
            e.Property(x => x.Amount).HasPrecision(12, 2);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.OrderReference).HasMaxLength(200);
            e.Property(x => x.RedemptionId).HasMaxLength(40);
            e.HasIndex(x => x.CodeHash).IsUnique();
            e.HasIndex(x => x.GlobalHash);
            e.HasIndex(x => x.OrderId).IsUnique();
            e.HasIndex(x => new { x.BrandId, x.IssuedAt });
            e.HasIndex(x => new { x.BrandId, x.SellerId });
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
            e.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId);
        });
        b.Entity<CreditRedemption>(e =>
        {
            e.ToTable("credit_redemptions");
            e.Property(x => x.Id).HasMaxLength(40);
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.CodeId).HasMaxLength(40);
            e.Property(x => x.OrderReference).HasMaxLength(200);
            e.Property(x => x.Amount).HasPrecision(12, 2);
            e.HasIndex(x => new { x.BrandId, x.CodeId });
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
            e.HasOne<CreditCode>().WithMany().HasForeignKey(x => x.CodeId);
        });
        b.Entity<CodeAttemptCounter>(e =>
        {
            e.ToTable("code_attempts");
            e.HasKey(x => new { x.BrandId, x.KeyId });
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
    }
}
