namespace Repurch.Api.Features.Listings;

/// <summary>
/// Partner payout per single sale: commission on the effective price (15% clearance, 14% exchange),
/// 20% VAT on the commission, then the partner's delivery contribution. Each step rounds half away
/// from zero to the penny.
/// </summary>
public static class PayoutCalculator
{
    public const decimal ClearanceRate = 0.15m;
    public const decimal ExchangeRate = 0.14m;
    public const decimal VatRate = 0.20m;

    public sealed record Breakdown(decimal Price, decimal Commission, decimal Vat, decimal DeliveryContribution, decimal Payout);

    public static decimal RateFor(string channel) => channel == "clearance" ? ClearanceRate : ExchangeRate;

    public static Breakdown Calculate(string channel, decimal price, decimal deliveryContribution)
    {
        var commission = Pence(price * RateFor(channel));
        var vat = Pence(commission * VatRate);
        return new Breakdown(price, commission, vat, deliveryContribution, price - commission - vat - deliveryContribution);
    }

    public static decimal Payout(string channel, decimal price, decimal deliveryContribution) =>
        Calculate(channel, price, deliveryContribution).Payout;

    private static decimal Pence(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
