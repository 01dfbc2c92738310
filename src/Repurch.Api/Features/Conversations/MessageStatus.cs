namespace Repurch.Api.Features.Conversations;

/// <summary>A message's state (wire values). Only a held message moves, to delivered or rejected.</summary>
public static class MessageStatus
{
    /// <summary>The screener allowed it, or a moderator approved it: the recipient sees it.</summary>
    public const string Delivered = "delivered";
    /// <summary>Waiting for the brand's moderation; only the sender sees it.</summary>
    public const string Held = "held";
    /// <summary>The screener refused it; never delivered, only the sender sees it.</summary>
    public const string Blocked = "blocked";
    /// <summary>A moderator refused a held message; never delivered, only the sender sees it.</summary>
    public const string Rejected = "rejected";

    public static readonly string[] All = [Delivered, Held, Blocked, Rejected];
}
