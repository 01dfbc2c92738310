namespace Repurch.Api.Features.Money;

public static class OrderStatus
{
    public const string PendingPayment = "pending_payment";
    public const string Paid = "paid";
    public const string Completed = "completed";
    public const string Refunded = "refunded";
    public const string Cancelled = "cancelled";
    /// <summary>A dispute is open: the money stays in escrow and the auto-release sweep (which takes only <c>paid</c>) leaves it alone.</summary>
    public const string Disputed = "disputed";
    /// <summary>A dispute ended with part of the amount refunded and the rest released to the seller side.</summary>
    public const string PartiallyRefunded = "partially_refunded";

    /// <summary>Every status, in the order an order can reach them (for filters and their docs).</summary>
    public static readonly string[] All = [PendingPayment, Paid, Completed, Refunded, Cancelled, Disputed, PartiallyRefunded];
}
