using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Conversations;

/// <summary>
/// Who is looking at conversations: a consumer account (a buyer, or a consumer seller on the owner's
/// side) or, when <see cref="AccountId"/> is null, the brand answering about its own stock.
/// </summary>
public sealed record ConversationViewer(string? AccountId)
{
    public static readonly ConversationViewer Brand = new((string?)null);

    public bool IsBrand => AccountId is null;

    /// <summary>The caller's side of <paramref name="c"/>, or null when it is not theirs.</summary>
    public string? RoleIn(Conversation c) =>
        IsBrand ? (c.OwnerType == ConversationRoles.BrandOwner ? ConversationRoles.Owner : null)
        : c.BuyerAccountId == AccountId ? ConversationRoles.Buyer
        : c.OwnerAccountId == AccountId ? ConversationRoles.Owner
        : null;

    /// <summary>
    /// The conversations this viewer may see. The owner's side sees a conversation only once something
    /// in it was delivered: a buyer whose first message was held or blocked has not reached anyone yet.
    /// </summary>
    public IQueryable<Conversation> Visible(RepurchDb db)
    {
        if (IsBrand) return db.Conversations.Where(c => c.OwnerType == ConversationRoles.BrandOwner && c.LastDeliveredAt != null);
        var me = AccountId;
        return db.Conversations.Where(c => c.BuyerAccountId == me || (c.OwnerAccountId == me && c.LastDeliveredAt != null));
    }
}
