namespace Repurch.Api.Features.Conversations;

/// <summary>OpenAPI text both audiences' operations share.</summary>
internal static class ConversationDocs
{
    public const string MessagesDescription =
        "Paged by write order: page 1 holds the latest `per_page` messages and each page lists them oldest first, as a chat shows them. " +
        "The caller sees its own messages in every status (`delivered`, `held` for the brand's moderation, `blocked` by the screener, " +
        "`rejected` by a moderator) with the `reasons` and `signals` the screener found; the other side's messages only once `delivered`. " +
        "An edit is a new message (`version` + 1, `replaces` the old id); the old version stays, with `superseded_by` naming the newer one " +
        "the caller can see. `read_at` is the read receipt: when the recipient first marked the message read (`POST …/read`); null until then. " +
        "Reading this list does not mark anything read.";

    public const string ReadDescription =
        "Marks every message the other side has had delivered so far as read by the caller: their `read_at` receipts are set to now, " +
        "and the caller's `unread_count` drops to 0. Idempotent: marking again with nothing new changes nothing. No request body. " +
        "Answers the latest message now read (`last_read_message_id`, null when there is none).";
}
