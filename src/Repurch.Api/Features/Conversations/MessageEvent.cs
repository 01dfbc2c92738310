namespace Repurch.Api.Features.Conversations;

/// <summary>
/// The <c>data.object</c> of <c>message.created</c> and <c>message.held</c>. <see cref="Text"/> is set only
/// for a delivered message (<c>message.created</c>); a held message's text stays out of webhooks.
/// </summary>
public sealed record MessageEvent(
    string Id, string ConversationId, long ListingId, string Status, string SenderRole, string? SenderAccountId,
    string RecipientRole, string? RecipientAccountId, int Version, string? Replaces, string? Text,
    IReadOnlyList<string> Reasons, string ValidatorVersion, string CreatedAt, string? DeliveredAt);
