using Repurch.Api.Http;

namespace Repurch.Api.Features.Conversations;

/// <summary>A conversation as one participant sees it.</summary>
/// <param name="Role">The caller's side: <c>buyer</c> or <c>owner</c>.</param>
/// <param name="OwnerType"><c>seller</c> (a consumer seller account) or <c>brand</c>.</param>
/// <param name="UnreadCount">Delivered messages from the other side the caller has not marked read.</param>
/// <param name="LastMessageAt">The last delivered message's time, or the conversation's creation.</param>
public sealed record ConversationView(
    string Id, long ListingId, string? ListingTitle, string Role, string BuyerAccountId, string OwnerType, string? OwnerAccountId,
    int UnreadCount, string CreatedAt, string LastMessageAt);

/// <summary>A signal span the screener found: offsets into the message's text (UTF-16, end exclusive).</summary>
public sealed record MessageSignalView(string Type, int Start, int End);

/// <summary>
/// A message as one participant sees it. <c>read_at</c> is when the recipient first marked it read
/// (null until then, and for messages that were never delivered).
/// </summary>
public sealed record MessageView(
    string Id, string ConversationId, string SenderRole, string? SenderAccountId, bool FromMe, string Text, string Status,
    IReadOnlyList<string> Reasons, IReadOnlyList<MessageSignalView> Signals, string ValidatorVersion, int Version, string? Replaces,
    string? SupersededBy, string CreatedAt, string? DeliveredAt, string? ReadAt);

public sealed record ConversationPage(IReadOnlyList<ConversationView> Data, ListMeta Meta);

public sealed record MessagePage(IReadOnlyList<MessageView> Data, ListMeta Meta);

/// <summary>The answer to opening a conversation: the conversation and the message just sent in it.</summary>
public sealed record ConversationOpened(ConversationView Conversation, MessageView Message);

/// <summary>Where the caller's read pointer is after marking a conversation read.</summary>
public sealed record ConversationReadView(string ConversationId, string? LastReadMessageId, string ReadAt, int UnreadCount);
