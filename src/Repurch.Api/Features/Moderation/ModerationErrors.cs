using Repurch.Api.Errors;

namespace Repurch.Api.Features.Moderation;

public static class ModerationErrors
{
    public static readonly ErrorCode MessageNotHeld = new(409, "message_not_held",
        "The message is not held (already approved or rejected, or it was delivered or blocked by the screener): only a held message can be decided.",
        "Only a held message can be approved or rejected.");
    public static readonly ErrorCode ListingNotPendingReview = new(409, "listing_not_pending_review",
        "The listing is not waiting for review (already approved or rejected, or never held): only a `pending_review` trade-in can be decided.",
        "Only a listing pending review can be approved or rejected.");
}
