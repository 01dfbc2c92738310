using Repurch.Api.Errors;

namespace Repurch.Api.Features.Moderation;

public static class ModerationErrors
{
    public static readonly ErrorCode MessageNotHeld = new(409, "message_not_held",
        "The message is not held (already approved or rejected, or it was delivered or blocked by the screener): only a held message can be decided.",
        "Only a held message can be approved or rejected.");
}
