using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Money;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Credits;

/// <summary>Money's <see cref="ICreditIssuer"/>: a new code for the order's payout, valid for <c>Money:CreditValidityDays</c>.</summary>
public sealed class CreditIssuer(CreditCodeVault vault, MoneyOptions options, TimeProvider clock) : ICreditIssuer
{
    public string Issue(RepurchDb db, Order order, long sellerId, DateTimeOffset now)
    {
        var code = CreditCodeVault.NewCode();
        var codeId = PublicIds.New("crd_");
        var credit = new CreditCode
        {
            Id = codeId, BrandId = order.BrandId, SellerId = sellerId, OrderId = order.Id,
            CodeHash = vault.LookupHash(order.BrandId, code), GlobalHash = vault.GlobalHash(code), CodeCipher = vault.Seal(order.BrandId, codeId, code),
            Hint = code[^4..], Amount = order.Payout, Status = "active",
            IssuedAt = now, ExpiresAt = now.AddDays(options.CreditValidityDays),
        };
        db.CreditCodes.Add(credit);
        Ledger.CreditIssued(credit).AddTo(db, order.BrandId, now);
        Outbox.Emit(db, order.BrandId, MoneyEvents.CreditIssued, new CreditIssuedEvent(credit.Id, sellerId, order.Id, credit.Amount,
            credit.Hint, WireFormat.Timestamp(now), WireFormat.Timestamp(credit.ExpiresAt)), clock);
        return codeId;
    }
}
