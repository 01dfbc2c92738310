namespace Repurch.Api.Features.Conversations;

/// <summary>
/// Event types of messages. <c>message.created</c>: a message reached its recipient (at once, or when a
/// moderator approved it), with its text. <c>message.held</c>: a message waits for moderation, without
/// its text (reasons and validator version only). Blocked and rejected messages emit nothing to webhooks;
/// they are in the audit log.
/// </summary>
public static class MessageEvents
{
    public const string Created = "message.created";
    public const string Held = "message.held";
}
