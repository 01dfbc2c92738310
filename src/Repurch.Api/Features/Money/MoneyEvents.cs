namespace Repurch.Api.Features.Money;

public static class MoneyEvents
{
    public const string ListingSold = "listing.sold";
    public const string CreditIssued = "credit.issued";
    public const string CreditRedeemed = "credit.redeemed";
    public const string PayoutSettled = "payout.settled";
}
