namespace Repurch.Api.Features.Money;

public static class PostingKinds
{
    public const string OrderCaptured = "order_captured";
    public const string EscrowReleased = "escrow_released";
    public const string Refund = "refund";
    public const string RefundPaid = "refund_paid";
    public const string CreditIssued = "credit_issued";
    public const string CreditRedeemed = "credit_redeemed";
    public const string CreditReversed = "credit_reversed";
    public const string PayoutSent = "payout_sent";
    public const string PayoutSettled = "payout_settled";
    public const string PayoutFailed = "payout_failed";
}
