using Repurch.Api.Errors;

namespace Repurch.Api.Features.Disputes;

public static class DisputeErrors
{
    public static readonly ErrorCode NotFound = new(404, "dispute_not_found",
        "No dispute with this id that this caller may see (another brand's, another buyer's, or none).", "Dispute not found.");
    public static readonly ErrorCode OrderNotDisputable = new(409, "order_not_disputable",
        "Only a `paid` order (money in escrow, not yet released, refunded or cancelled) can be disputed; the message names its status.");
    public static readonly ErrorCode DisputeExists = new(409, "dispute_exists",
        "The order already has a dispute that is not resolved.", "This order already has an open dispute.");
    public static readonly ErrorCode AlreadyResolved = new(409, "dispute_resolved",
        "The dispute is resolved; it takes no more messages or decisions.", "This dispute is already resolved.");
}
