using System.ComponentModel;

namespace Repurch.Api.Features.Disputes;

[Description("Opens a dispute on a paid order.")]
public sealed record DisputeOpen(
    [property: Description("`not_received`, `not_as_described`, `damaged` or `other`. Required.")] string Reason,
    [property: Description("What went wrong, 1-4000 characters (line breaks allowed). Screened like every message: a held or blocked text is kept but not shown to the seller side. Required.")] string Text);

[Description("One piece of evidence.")]
public sealed record DisputeMessageCreate(
    [property: Description("1-4000 characters (line breaks allowed), screened before anyone else sees it. Required.")] string Text,
    [property: Description("Up to 10 attachment ids from `POST /v1/listings/upload-photo`, uploaded by the same brand (a consumer: by the same account).")] long[]? PhotoIds);

[Description("The operator's decision.")]
public sealed record DisputeResolve(
    [property: Description("`refund` (the whole amount back to the buyer; order `refunded`), `release` (escrow to the seller side as on confirmed receipt; order `completed`) or `partial_refund` (order `partially_refunded`). Required.")] string Outcome,
    [property: Description("Only with `partial_refund`, where it is required: pounds with at most 2 decimals, more than 0 and less than the order amount. Refused with the other outcomes (`amount_gbp_not_allowed`).")] decimal? AmountGbp);
