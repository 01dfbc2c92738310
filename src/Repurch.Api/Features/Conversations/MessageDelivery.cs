using Microsoft.EntityFrameworkCore;
using Repurch.Api.EventDelivery;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Conversations;

/// <summary>
/// Moves a message to its recipient: the one place a message becomes <c>delivered</c> (when it is sent
/// and the screener allows it, or when a moderator approves it), so the delivery order, the
/// conversation's activity and <c>message.created</c> always go together. Call inside the transaction
/// that holds the conversation's row lock.
/// </summary>
public static class MessageDelivery
{
    public static async Task DeliverAsync(RepurchDb db, Conversation conversation, Message message, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        message.Status = MessageStatus.Delivered;
        message.DeliveredAt = now;
        // A global sequence, not the write order: a message approved later is new to its reader.
        message.DeliverySeq = await db.Database.SqlQuery<long>($"SELECT nextval('message_delivery_seq') AS \"Value\"").SingleAsync(ct);
        conversation.LastDeliveredAt = now;
        Outbox.Emit(db, conversation.BrandId, MessageEvents.Created, Event(conversation, message), clock);
    }

    /// <summary>The webhook payload: the text only once it is delivered.</summary>
    public static MessageEvent Event(Conversation c, Message m)
    {
        var recipient = ConversationRoles.Other(m.SenderRole);
        return new MessageEvent(m.Id, c.Id, c.ListingId, m.Status, m.SenderRole, m.SenderAccountId, recipient,
            recipient == ConversationRoles.Buyer ? c.BuyerAccountId : c.OwnerAccountId, m.Version, m.Replaces,
            m.Status == MessageStatus.Delivered ? m.Text : null, m.Reasons, m.ValidatorVersion,
            WireFormat.Timestamp(m.CreatedAt)!, WireFormat.Timestamp(m.DeliveredAt));
    }
}
