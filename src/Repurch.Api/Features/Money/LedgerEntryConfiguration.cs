using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("ledger_entries", t => t.HasCheckConstraint("ck_ledger_entries_amount", "amount_pence <> 0"));
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.Kind).HasMaxLength(32);
        b.Property(x => x.Account).HasMaxLength(32);
        b.Property(x => x.OrderId).HasMaxLength(40);
        b.Property(x => x.PayoutId).HasMaxLength(40);
        b.Property(x => x.CreditCodeId).HasMaxLength(40);
        b.Property(x => x.RedemptionId).HasMaxLength(40);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => new { x.BrandId, x.CreatedAt, x.Id });
        b.HasIndex(x => new { x.BrandId, x.PostingId });
        b.HasIndex(x => new { x.BrandId, x.OrderId }).HasFilter("order_id IS NOT NULL");
    }
}
