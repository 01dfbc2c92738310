using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Credits;

internal sealed class CreditRedemptionConfiguration : IEntityTypeConfiguration<CreditRedemption>
{
    public void Configure(EntityTypeBuilder<CreditRedemption> b)
    {
        b.ToTable("credit_redemptions");
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.CodeId).HasMaxLength(40);
        b.Property(x => x.OrderReference).HasMaxLength(200);
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.HasIndex(x => new { x.BrandId, x.CodeId });
        b.HasOne<CreditCode>().WithMany().HasForeignKey(x => x.CodeId);
    }
}
