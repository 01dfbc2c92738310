using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Conversations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("messages");
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.ConversationId).HasMaxLength(40);
        b.Property(x => x.Seq).UseIdentityAlwaysColumn();
        b.HasAlternateKey(x => x.Seq);
        b.Property(x => x.SenderRole).HasMaxLength(16);
        b.Property(x => x.SenderAccountId).HasMaxLength(40);
        b.Property(x => x.Text).HasMaxLength(MessageInput.MaxText);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.Signals).HasColumnType("jsonb");
        b.Property(x => x.ValidatorVersion).HasMaxLength(64);
        b.Property(x => x.Replaces).HasMaxLength(40);
        b.HasIndex(x => new { x.BrandId, x.ConversationId, x.Seq });
        b.HasIndex(x => new { x.BrandId, x.Status, x.Seq });
        b.HasIndex(x => new { x.BrandId, x.SenderAccountId, x.CreatedAt });
        // One next version per message: two concurrent edits of the same version cannot both land.
        b.HasIndex(x => x.Replaces).IsUnique().HasFilter("replaces IS NOT NULL");
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId);
        b.HasOne<Message>().WithMany().HasForeignKey(x => x.Replaces);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.SenderAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
