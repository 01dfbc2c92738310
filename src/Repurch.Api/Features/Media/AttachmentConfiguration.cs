using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Media;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.Filename).HasMaxLength(255);
        b.Property(x => x.Mime).HasMaxLength(32);
        b.Property(x => x.StorageKey).HasMaxLength(512);
        b.Property(x => x.MediumKey).HasMaxLength(512);
        b.Property(x => x.LargeKey).HasMaxLength(512);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => new { x.BrandId, x.CreatedAt });
        b.HasIndex(x => x.StorageKey).IsUnique();
        b.Property(x => x.UploaderAccountId).HasMaxLength(40);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.UploaderAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
