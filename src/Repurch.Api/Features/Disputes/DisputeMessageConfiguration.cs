using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Disputes;

internal sealed class DisputeMessageConfiguration : IEntityTypeConfiguration<DisputeMessage>
{
    public void Configure(EntityTypeBuilder<DisputeMessage> b)
    {
        b.ToTable("dispute_messages", t =>
        {
            t.HasCheckConstraint("ck_dispute_messages_side", "author_side IN ('buyer','seller','operator')");
            t.HasCheckConstraint("ck_dispute_messages_status", "status IN ('delivered','held','blocked')");
        });
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.DisputeId).HasMaxLength(40);
        b.Property(x => x.AuthorSide).HasMaxLength(16);
        b.Property(x => x.AuthorId).HasMaxLength(64);
        b.Property(x => x.Text).HasMaxLength(8000);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.ValidatorVersion).HasMaxLength(32);
        b.HasIndex(x => new { x.DisputeId, x.CreatedAt });
        b.HasOne<Dispute>().WithMany().HasForeignKey(x => x.DisputeId).OnDelete(DeleteBehavior.Restrict);
    }
}
