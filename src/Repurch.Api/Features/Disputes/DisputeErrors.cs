using Repurch.Api.Errors;

namespace Repurch.Api.Features.Disputes;

public static class DisputeErrors
{
    public static readonly ErrorCode NotFound = new(404, "dispute_not_found",
        "No dispute with this id that this caller may see (another brand's, another buyer's, or none).", "Dispute not found.");
    public static readonly ErrorCode AlreadyResolved = new(409, "dispute_resolved",
        "The dispute is resolved; it takes no more messages or decisions.", "This dispute is already resolved.");
}
