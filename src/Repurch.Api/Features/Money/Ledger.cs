using Repurch.Api.Persistence;

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

/// <summary>
/// One balanced set of ledger lines. <see cref="AddTo"/> refuses an unbalanced posting before
/// anything reaches the database; the database checks the same invariant again at commit.
/// </summary>
public sealed class Posting(string kind)
{
    private readonly List<(string Account, long Pence)> _lines = [];

    public string Kind => kind;
    public string? OrderId { get; init; }
    public string? PayoutId { get; init; }
    public string? CreditCodeId { get; init; }
    public string? RedemptionId { get; init; }

    public Posting Debit(string account, decimal gbp) => Line(account, Ledger.Pence(gbp));
    public Posting Credit(string account, decimal gbp) => Line(account, -Ledger.Pence(gbp));

    private Posting Line(string account, long pence)
    {
        if (!Accounts.All.Contains(account)) throw new ArgumentException($"unknown ledger account {account}", nameof(account));
        // A zero line says nothing (and the table refuses it).
        if (pence != 0) _lines.Add((account, pence));
        return this;
    }

    public Guid AddTo(RepurchDb db, string brandId, DateTimeOffset at)
    {
        var sum = _lines.Sum(l => l.Pence);
        if (sum != 0) throw new InvalidOperationException($"posting {kind} does not balance: {sum} pence");
        var id = Guid.NewGuid();
        foreach (var (account, pence) in _lines)
        {
            db.Ledger.Add(new LedgerEntry
            {
                BrandId = brandId, PostingId = id, Kind = kind, Account = account, AmountPence = pence,
                OrderId = OrderId, PayoutId = PayoutId, CreditCodeId = CreditCodeId, RedemptionId = RedemptionId, CreatedAt = at,
            });
        }
        return id;
    }
}

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

    /// <summary>Escrow released: the platform's commission, VAT and delivery contribution; the rest is owed to the seller side.</summary>
    public static Posting Released(Order o) =>
        new Posting(PostingKinds.EscrowReleased) { OrderId = o.Id }
            .Debit(Accounts.Escrow, o.Amount)
            .Credit(Accounts.Commission, o.Commission)
            .Credit(Accounts.VatOnCommission, o.Vat)
            .Credit(Accounts.DeliveryContribution, o.DeliveryContribution)
            .Credit(Accounts.SellerPayout, o.Payout);

    /// <summary>A paid order refunded: escrow becomes a refund owed to the buyer...</summary>
    public static Posting Refunded(Order o) =>
        new Posting(PostingKinds.Refund) { OrderId = o.Id }.Debit(Accounts.Escrow, o.Amount).Credit(Accounts.Refunds, o.Amount);

    /// <summary>...which the provider pays back out of the buyer funds it holds.</summary>
    public static Posting RefundPaid(Order o) =>
        new Posting(PostingKinds.RefundPaid) { OrderId = o.Id }.Debit(Accounts.Refunds, o.Amount).Credit(Accounts.BuyerFunds, o.Amount);

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
