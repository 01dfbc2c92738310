using Repurch.Api.Features.Conversations;
using Repurch.Api.Http;

namespace Repurch.Api.Features.Moderation;

/// <summary>A message as the brand's moderators see it: its text, who sent it where, and the screener's verdict.</summary>
public sealed record ModeratedMessageView(
    string Id, string ConversationId, long ListingId, string SenderRole, string? SenderAccountId, string Text, string Status,
    IReadOnlyList<string> Reasons, IReadOnlyList<MessageSignalView> Signals, string ValidatorVersion, int Version, string? Replaces,
    string CreatedAt, string? DeliveredAt, string? ModeratedAt);

public sealed record ModeratedMessagePage(IReadOnlyList<ModeratedMessageView> Data, ListMeta Meta);
