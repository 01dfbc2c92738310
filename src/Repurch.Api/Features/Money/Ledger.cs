using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

public static class Ledger
{
    /// <summary>Pounds to pence. Money reaching the ledger is always whole pence; anything finer is a bug.</summary>
    public static long Pence(decimal gbp)
    {
        var pence = gbp * 100m;
        if (pence != decimal.Truncate(pence)) throw new ArgumentException($"{gbp} is not a whole number of pence", nameof(gbp));
        return checked((long)pence);
    }

    public static decimal Pounds(long pence) => pence / 100m;

    /// <summary>Buyer's payment captured into escrow.</summary>
    public static Posting Captured(Order o) =>
        new Posting(PostingKinds.OrderCaptured) { OrderId = o.Id }.Debit(Accounts.BuyerFunds, o.Amount).Credit(Accounts.Escrow, o.Amount);

    /// <summary>
    /// Escrow released: the platform's commission, VAT and delivery contribution; the rest is owed to the seller side.
    /// After a partial refund only what is left in escrow is released (the fees are then those of the rest).
    /// </summary>
    public static Posting Released(Order o) =>
        new Posting(PostingKinds.EscrowReleased) { OrderId = o.Id }
            .Debit(Accounts.Escrow, o.Amount - o.RefundedAmount)
            .Credit(Accounts.Commission, o.Commission)
            .Credit(Accounts.VatOnCommission, o.Vat)
            .Credit(Accounts.DeliveryContribution, o.DeliveryContribution)
            .Credit(Accounts.SellerPayout, o.Payout);

    /// <summary>A paid order refunded: escrow becomes a refund owed to the buyer...</summary>
    public static Posting Refunded(Order o) => Refunded(o, o.Amount);

    /// <summary>Part (or all) of a paid order's escrow refunded.</summary>
    public static Posting Refunded(Order o, decimal amount) =>
        new Posting(PostingKinds.Refund) { OrderId = o.Id }.Debit(Accounts.Escrow, amount).Credit(Accounts.Refunds, amount);

    /// <summary>...which the provider pays back out of the buyer funds it holds.</summary>
    public static Posting RefundPaid(Order o) => RefundPaid(o, o.Amount);

    public static Posting RefundPaid(Order o, decimal amount) =>
        new Posting(PostingKinds.RefundPaid) { OrderId = o.Id }.Debit(Accounts.Refunds, amount).Credit(Accounts.BuyerFunds, amount);

    public static Posting CreditIssued(CreditCode c) =>
        new Posting(PostingKinds.CreditIssued) { OrderId = c.OrderId, CreditCodeId = c.Id }.Debit(Accounts.SellerPayout, c.Amount).Credit(Accounts.CreditIssued, c.Amount);

    public static Posting CreditRedeemed(CreditCode c, string redemptionId) =>
        new Posting(PostingKinds.CreditRedeemed) { CreditCodeId = c.Id, RedemptionId = redemptionId }.Debit(Accounts.CreditIssued, c.Amount).Credit(Accounts.CreditRedeemed, c.Amount);

    public static Posting CreditReversed(CreditRedemption r) =>
        new Posting(PostingKinds.CreditReversed) { CreditCodeId = r.CodeId, RedemptionId = r.Id }.Debit(Accounts.CreditRedeemed, r.Amount).Credit(Accounts.CreditIssued, r.Amount);

    public static Posting PayoutSent(Payout p) =>
        new Posting(PostingKinds.PayoutSent) { OrderId = p.OrderId, PayoutId = p.Id }.Debit(Accounts.SellerPayout, p.Amount).Credit(Accounts.Remittance, p.Amount);

    public static Posting PayoutSettled(Payout p) =>
        new Posting(PostingKinds.PayoutSettled) { OrderId = p.OrderId, PayoutId = p.Id }.Debit(Accounts.Remittance, p.Amount).Credit(Accounts.BuyerFunds, p.Amount);

    /// <summary>A sent payout the provider gave back: owed to the partner again.</summary>
    public static Posting PayoutFailed(Payout p) =>
        new Posting(PostingKinds.PayoutFailed) { OrderId = p.OrderId, PayoutId = p.Id }.Debit(Accounts.Remittance, p.Amount).Credit(Accounts.SellerPayout, p.Amount);
}
