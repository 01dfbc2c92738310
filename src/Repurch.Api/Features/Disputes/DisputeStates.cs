using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Disputes;

/// <summary>
/// A dispute's states, reasons, outcomes and deadlines. Deadlines are computed when a dispute is read or
/// changed, not by a sweep: a passed deadline changes what the API answers at once, with no job to lag.
/// </summary>
public static class DisputeStates
{
    /// <summary>Opened; the seller side has not answered yet.</summary>
    public const string AwaitingSeller = "awaiting_seller";
    /// <summary>The seller side answered (a delivered message); the buyer may reply.</summary>
    public const string AwaitingBuyer = "awaiting_buyer";
    /// <summary>Both sides have spoken, or the seller missed its deadline: the operator decides.</summary>
    public const string UnderReview = "under_review";
    /// <summary>Decided (by the operator or by PayPal); final.</summary>
    public const string Resolved = "resolved";

    public static readonly string[] All = [AwaitingSeller, AwaitingBuyer, UnderReview, Resolved];

    public static readonly string[] Reasons = ["not_received", "not_as_described", "damaged", "other"];

    public const string Refund = "refund";
    public const string Release = "release";
    public const string PartialRefund = "partial_refund";
    public static readonly string[] Outcomes = [Refund, Release, PartialRefund];

    public const string BuyerSide = "buyer";
    public const string SellerSide = "seller";
    public const string OperatorSide = "operator";

    /// <summary><c>opened_by</c> and <c>resolved_by</c> of what PayPal did.</summary>
    public const string PayPal = "paypal";

    public const int SellerResponseDays = 3;
    public const int DecisionDays = 14;

    /// <summary>The state the API answers: a seller that missed its deadline has escalated the dispute to review.</summary>
    public static string Effective(Dispute d, DateTimeOffset now) => Escalated(d, now) ? UnderReview : d.Status;

    public static bool Escalated(Dispute d, DateTimeOffset now) => d.Status == AwaitingSeller && now >= d.SellerResponseDueAt;

    /// <summary>Still undecided after the operator's deadline.</summary>
    public static bool Overdue(Dispute d, DateTimeOffset now) => d.Status != Resolved && now >= d.DecisionDueAt;

    /// <summary>PayPal's <c>reason</c> in our terms.</summary>
    public static string FromPayPalReason(string? reason) => reason switch
    {
        "MERCHANDISE_OR_SERVICE_NOT_RECEIVED" => "not_received",
        "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED" => "not_as_described",
        _ => "other",
    };

    public const string Lifecycle =
        "States: `awaiting_seller` (opened; the seller side, the brand or the consumer who sold it, must answer within 3 days, by `seller_response_due_at`) -> " +
        "`awaiting_buyer` (the seller side's first delivered message; the buyer may reply) -> `under_review` (the buyer replied, or the seller's deadline passed: " +
        "then `escalated` is true) -> `resolved` (final; `outcome` is `refund`, `release` or `partial_refund`, `resolved_by` is `operator` or `paypal`). " +
        "The operator decides by `decision_due_at` (14 days after opening) and may resolve in any state before `resolved`; `overdue` is true once that has passed. " +
        "Deadlines are computed whenever a dispute is read or changed (no background job), so an escalation shows at once. " +
        "While a dispute is open its order is `disputed`: the money stays in escrow and the auto-release does not touch it.";
}
