using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Conversations;

internal sealed class ConversationReadConfiguration : IEntityTypeConfiguration<ConversationRead>
{
    public void Configure(EntityTypeBuilder<ConversationRead> b)
    {
        b.ToTable("conversation_reads");
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.ConversationId).HasMaxLength(40);
        b.Property(x => x.Reader).HasMaxLength(16);
        b.HasIndex(x => new { x.BrandId, x.ConversationId, x.Reader, x.UpToSeq });
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId);
    }
}
