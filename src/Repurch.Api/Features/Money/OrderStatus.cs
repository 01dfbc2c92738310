namespace Repurch.Api.Features.Money;

public static class OrderStatus
{
    public const string PendingPayment = "pending_payment";
    public const string Paid = "paid";
    public const string Completed = "completed";
    public const string Refunded = "refunded";
    public const string Cancelled = "cancelled";
}
