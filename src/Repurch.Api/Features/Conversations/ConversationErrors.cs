using Repurch.Api.Errors;

namespace Repurch.Api.Features.Conversations;

public static class ConversationErrors
{
    public static readonly ErrorCode NotFound = new(404, "conversation_not_found",
        "Conversation not found, or not one of the caller's (another buyer's, another brand's).", "Conversation not found.");
    public static readonly ErrorCode MessageNotFound = new(404, "message_not_found",
        "Message not found in this conversation, or not visible to the caller.", "Message not found.");
    public static readonly ErrorCode MessageNotEditable = new(409, "message_not_editable",
        "Only the sender can edit a message, and only its latest version.", "Only the sender can edit a message, and only its latest version.");
    public static readonly ErrorCode OwnListing = new(409, "own_listing",
        "The listing is the caller's own: a seller cannot open a conversation with themselves.", "You cannot open a conversation about your own listing.");
    public static readonly ErrorCode ListingUnavailable = new(409, "listing_unavailable",
        "The listing is not on sale (closed, rejected, deleted after sale) or its seller cannot receive messages.", "This listing is not open for messages.");
    public static readonly ErrorCode RateLimited = new(429, "message_rate_limited",
        "The account sent too many messages in the last minute (see `Retry-After`).", "Too many messages; wait a moment before sending more.");
}
