using Repurch.Api.Features.Conversations;
using Repurch.Api.Http;

namespace Repurch.Api.Features.Moderation;

/// <summary>A message as the brand's moderators see it: its text, who sent it where, and the screener's verdict.</summary>
public sealed record ModeratedMessageView(
    string Id, string ConversationId, long ListingId, string SenderRole, string? SenderAccountId, string Text, string Status,
    IReadOnlyList<string> Reasons, IReadOnlyList<MessageSignalView> Signals, string ValidatorVersion, int Version, string? Replaces,
    string CreatedAt, string? DeliveredAt, string? ModeratedAt);

public sealed record ModeratedMessagePage(IReadOnlyList<ModeratedMessageView> Data, ListMeta Meta);

/// <summary>A consumer trade-in as the brand's moderators see it: what was written, why it was held, who listed it.</summary>
public sealed record ModeratedListingView(
    long Id, string Title, string? Description, string Category, string Channel, decimal PriceGbp, string Status, IReadOnlyList<string> ReviewReasons,
    long? SellerId, string? SellerAccountId, string? ImageUrl, string CreatedAt, string UpdatedAt);

public sealed record ModeratedListingPage(IReadOnlyList<ModeratedListingView> Data, ListMeta Meta);
