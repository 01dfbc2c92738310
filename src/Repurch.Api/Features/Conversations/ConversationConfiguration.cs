using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Conversations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.ToTable("conversations");
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.BuyerAccountId).HasMaxLength(40);
        b.Property(x => x.OwnerType).HasMaxLength(16);
        b.Property(x => x.OwnerAccountId).HasMaxLength(40);
        // One conversation per buyer and listing: opening it again finds this one, even under a race.
        b.HasIndex(x => new { x.BrandId, x.ListingId, x.BuyerAccountId }).IsUnique();
        b.HasIndex(x => new { x.BrandId, x.BuyerAccountId, x.LastMessageAt });
        b.HasIndex(x => new { x.BrandId, x.OwnerAccountId, x.LastMessageAt });
        b.HasIndex(x => new { x.BrandId, x.OwnerType, x.LastMessageAt });
        // A conversation outlives its listing (listings are only soft-deleted): never cascade it away.
        b.HasOne<Listing>().WithMany().HasForeignKey(x => x.ListingId).OnDelete(DeleteBehavior.Restrict);
        // Both people are real accounts; an account is disabled or erased on request, never cascaded away.
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.BuyerAccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.OwnerAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
