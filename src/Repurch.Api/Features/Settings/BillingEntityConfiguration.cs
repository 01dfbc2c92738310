using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Settings;

internal sealed class BillingEntityConfiguration : IEntityTypeConfiguration<BillingEntity>
{
    public void Configure(EntityTypeBuilder<BillingEntity> b)
    {
        b.HasKey(x => x.BrandId);
        b.Property(x => x.CompanyName).HasMaxLength(200);
        b.Property(x => x.Address1).HasMaxLength(200);
        b.Property(x => x.Address2).HasMaxLength(200);
        b.Property(x => x.City).HasMaxLength(100);
        b.Property(x => x.Postcode).HasMaxLength(10);
        b.Property(x => x.Country).HasMaxLength(100);
        b.Property(x => x.CompanyNumber).HasMaxLength(8);
        b.Property(x => x.VatNumber).HasMaxLength(14);
        b.Property(x => x.InvoiceEmail).HasMaxLength(254);
    }
}
