namespace Repurch.Api.Payments;

/// <summary>
/// A buyer's dispute the provider reported through a verified webhook (PayPal's
/// <c>CUSTOMER.DISPUTE.CREATED</c> / <c>CUSTOMER.DISPUTE.RESOLVED</c>), in PayPal's own terms:
/// <paramref name="Reason"/> is its <c>reason</c> (e.g. <c>MERCHANDISE_OR_SERVICE_NOT_RECEIVED</c>),
/// <paramref name="OutcomeCode"/> its <c>dispute_outcome.outcome_code</c> (e.g. <c>RESOLVED_BUYER_FAVOUR</c>)
/// and <paramref name="AmountRefunded"/> its <c>dispute_outcome.amount_refunded</c>.
/// </summary>
public sealed record DisputeNotice(bool Resolved, string ProviderDisputeId, string CaptureId, string? Reason, string? OutcomeCode, decimal? AmountRefunded);
