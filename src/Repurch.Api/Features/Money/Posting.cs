using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

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
