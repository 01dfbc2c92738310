namespace Repurch.Api.Payments;

public sealed record WebhookVerdict(bool Genuine, PayoutNotice? Payout, DisputeNotice? Dispute = null);
