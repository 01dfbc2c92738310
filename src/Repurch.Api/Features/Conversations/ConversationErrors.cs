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
}
