using Microsoft.EntityFrameworkCore;
using Repurch.Api.Features.Conversations;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Conversations;

/// <summary>
/// Conversations and messages written straight into the database (as the app role, under the brand's
/// row-level security), for tests of the brand's and moderators' side that need a given state.
/// </summary>
public static class ConversationRows
{
    public const string Version = "test-1";

    public static string NewAccountId() => "acct_t" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>The account row behind an id from <see cref="NewAccountId"/> (conversations reference accounts by foreign key).</summary>
    private static async Task EnsureAccountAsync(RepurchDb db, string brandId, string? accountId)
    {
        if (accountId is null || await db.Accounts.AnyAsync(a => a.Id == accountId)) return;
        var now = DateTimeOffset.UtcNow;
        db.Accounts.Add(new Account
        {
            Id = accountId, BrandId = brandId, Email = $"{accountId}@example.com", DisplayName = "Test Person", PasswordHash = "not a hash",
            CreatedAt = now, UpdatedAt = now, PasswordChangedAt = now,
        });
        await db.SaveChangesAsync();
    }

    public static async Task<string> ConversationAsync(ApiFactory api, string brandId, long listingId, string buyerAccountId,
        string ownerType = ConversationRoles.BrandOwner, string? ownerAccountId = null)
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        await EnsureAccountAsync(db, brandId, buyerAccountId);
        await EnsureAccountAsync(db, brandId, ownerAccountId);
        var now = DateTimeOffset.UtcNow;
        var c = new Conversation
        {
            Id = "conv_t" + Guid.NewGuid().ToString("N")[..20], BrandId = brandId, ListingId = listingId, BuyerAccountId = buyerAccountId,
            OwnerType = ownerType, OwnerAccountId = ownerAccountId, CreatedAt = now, LastMessageAt = now,
        };
        db.Conversations.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    public static async Task<string> MessageAsync(ApiFactory api, string brandId, string conversationId, string senderRole, string? senderAccountId,
        string text, string status = MessageStatus.Delivered, string[]? reasons = null)
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        await EnsureAccountAsync(db, brandId, senderAccountId);
        var now = DateTimeOffset.UtcNow;
        var m = new Message
        {
            Id = "msg_t" + Guid.NewGuid().ToString("N")[..20], BrandId = brandId, ConversationId = conversationId, SenderRole = senderRole,
            SenderAccountId = senderAccountId, Text = text, Status = status, Reasons = reasons ?? [], ValidatorVersion = Version, CreatedAt = now,
        };
        if (status == MessageStatus.Delivered)
        {
            m.DeliveredAt = now;
            m.DeliverySeq = await db.Database.SqlQuery<long>($"SELECT nextval('message_delivery_seq') AS \"Value\"").SingleAsync();
        }
        db.Messages.Add(m);
        await db.SaveChangesAsync();
        await db.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.LastMessageAt, now)
            .SetProperty(c => c.LastDeliveredAt, c => status == MessageStatus.Delivered ? now : c.LastDeliveredAt));
        return m.Id;
    }

    /// <summary>A row in every conversation table for the brand: a conversation about the listing, a delivered and a held message, a read.</summary>
    public static async Task FillAsync(ApiFactory api, TestBrand brand, long listingId)
    {
        var buyer = NewAccountId();
        var id = await ConversationAsync(api, brand.Id, listingId, buyer);
        await MessageAsync(api, brand.Id, id, ConversationRoles.Buyer, buyer, "Is this still available?");
        await MessageAsync(api, brand.Id, id, ConversationRoles.Buyer, buyer, "Held one", MessageStatus.Held, ["contact_details"]);
        var partner = api.ClientWith(brand.AdminKey);
        var read = await partner.PostAsync($"/v1/conversations/{id}/read", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, read.StatusCode);
    }
}
