namespace Repurch.Api.Features.Money;

/// <summary>
/// Ledger accounts, per brand. Debits are positive, credits negative; a normal balance is noted.
/// </summary>
public static class Accounts
{
    /// <summary>Buyers' money held at the payment provider for the platform (asset, debit).</summary>
    public const string BuyerFunds = "buyer_funds";
    /// <summary>Paid orders awaiting release to the seller side (liability, credit).</summary>
    public const string Escrow = "escrow";
    /// <summary>The platform's commission on released sales (revenue, credit).</summary>
    public const string Commission = "commission";
    /// <summary>VAT charged on that commission, owed to HMRC (liability, credit).</summary>
    public const string VatOnCommission = "vat_on_commission";
    /// <summary>The partner's contribution to two-man delivery (revenue, credit).</summary>
    public const string DeliveryContribution = "delivery_contribution";
    /// <summary>What the seller side is owed for released sales, until paid out or issued as credit (liability, credit).</summary>
    public const string SellerPayout = "seller_payout";
    /// <summary>Refunds owed to buyers until the provider has paid them back (liability, credit).</summary>
    public const string Refunds = "refunds";
    /// <summary>Outstanding credit codes: a consumer seller's payout held as brand credit (liability, credit).</summary>
    public const string CreditIssued = "credit_issued";
    /// <summary>Credit redeemed at the partner's checkout, owed to the partner (liability, credit).</summary>
    public const string CreditRedeemed = "credit_redeemed";
    /// <summary>Payouts sent to the partner and not yet confirmed by the provider (liability, credit).</summary>
    public const string Remittance = "remittance";

    public static readonly string[] All =
        [BuyerFunds, Escrow, Commission, VatOnCommission, DeliveryContribution, SellerPayout, Refunds, CreditIssued, CreditRedeemed, Remittance];
}
