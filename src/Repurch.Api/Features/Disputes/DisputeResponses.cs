using System.ComponentModel;
using Repurch.Api.Http;

namespace Repurch.Api.Features.Disputes;

[Description(DisputeStates.Lifecycle)]
public sealed record DisputeView(
    string Id, string BrandId, string OrderId,
    [property: Description("`awaiting_seller`, `awaiting_buyer`, `under_review` or `resolved` (see the schema's description for the lifecycle and deadlines).")] string Status,
    [property: Description("`not_received`, `not_as_described`, `damaged` or `other`.")] string Reason,
    [property: Description("The buyer's opening statement; null when PayPal opened the dispute, and for the seller side while the text is not delivered.")] string? Text,
    [property: Description("Screening of `text`: `delivered`, `held` or `blocked`; shown to the buyer and the operator only (null for the seller side).")] string? TextStatus,
    [property: Description("The buyer's account id (`acct_…`), or `paypal` when PayPal's `CUSTOMER.DISPUTE.CREATED` opened it.")] string OpenedBy,
    [property: Description("The order's amount, the most a refund can return.")] decimal OrderAmountGbp,
    [property: Description("`refund`, `release` or `partial_refund` once resolved; else null.")] string? Outcome,
    [property: Description("What the buyer got back: the order amount for `refund`, the amount for `partial_refund`, 0 otherwise.")] decimal AmountRefundedGbp,
    [property: Description("`operator` or `paypal` once resolved; else null.")] string? ResolvedBy,
    [property: Description("PayPal's `dispute_id` when PayPal opened the dispute or reported one on this order.")] string? ProviderDisputeId,
    [property: Description("True when the seller side missed `seller_response_due_at` and the dispute went to review.")] bool Escalated,
    [property: Description("True when `decision_due_at` has passed without a decision.")] bool Overdue,
    string SellerResponseDueAt, string DecisionDueAt, string? SellerRespondedAt, string CreatedAt, string UpdatedAt, string? ResolvedAt);

public sealed record DisputePage(IReadOnlyList<DisputeView> Data, ListMeta Meta);

[Description("One piece of evidence. Held and blocked messages are shown only to their author's side and the operator.")]
public sealed record DisputeMessageView(
    string Id, string DisputeId,
    [property: Description("`buyer`, `seller` (the brand or the consumer who sold it) or `operator`.")] string AuthorSide,
    string Text,
    [property: Description("`delivered`, `held` (waits for moderation, not shown to the other side) or `blocked` (never shown to the other side).")] string Status,
    [property: Description("The screening's reason codes (`contact_details`, `off_platform_payment`, `suspicious_link`, `payment_scam`, `credential_request`), so the sender learns why.")] IReadOnlyList<string> Reasons,
    IReadOnlyList<long> PhotoIds, string CreatedAt);

public sealed record DisputeMessagePage(IReadOnlyList<DisputeMessageView> Data, ListMeta Meta);

/// <summary>The data of <c>dispute.opened</c> and <c>dispute.resolved</c>: never the buyer's text.</summary>
public sealed record DisputeEvent(
    string Id, string OrderId, string Status, string Reason, string OpenedBy, decimal OrderAmountGbp, string? Outcome, decimal AmountRefundedGbp,
    string? ResolvedBy, string? ProviderDisputeId, string SellerResponseDueAt, string DecisionDueAt, string CreatedAt, string? ResolvedAt);
