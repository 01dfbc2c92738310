namespace Repurch.Api.Features.Conversations;

/// <summary>Opens a conversation about a listing with its first message.</summary>
public sealed record ConversationOpen(long ListingId, string Text);

/// <summary>A message, or the new text of an edited message.</summary>
public sealed record MessageWrite(string Text);
