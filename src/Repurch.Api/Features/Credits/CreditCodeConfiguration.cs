using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Credits;

internal sealed class CreditCodeConfiguration : IEntityTypeConfiguration<CreditCode>
{
    public void Configure(EntityTypeBuilder<CreditCode> b)
    {
        b.ToTable("credit_codes", t => t.HasCheckConstraint("ck_credit_codes_status", "status IN ('active','redeemed','voided')"));
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.OrderId).HasMaxLength(40);
        b.Property(x => x.Hint).HasMaxLength(8);
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.OrderReference).HasMaxLength(200);
        b.Property(x => x.RedemptionId).HasMaxLength(40);
        b.HasIndex(x => x.CodeHash).IsUnique();
        b.HasIndex(x => x.GlobalHash);
        b.HasIndex(x => x.OrderId).IsUnique();
        b.HasIndex(x => new { x.BrandId, x.IssuedAt });
        b.HasIndex(x => new { x.BrandId, x.SellerId });
        b.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId);
    }
}
