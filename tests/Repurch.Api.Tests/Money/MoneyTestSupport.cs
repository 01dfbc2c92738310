using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Repurch.Api.Authentication;
using Repurch.Api.Cli;
using Repurch.Api.Features.Money;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Money;

/// <summary>A marketplace (storefront) key and helpers to drive orders through the API.</summary>
public sealed class Storefront(HttpClient client, string brandId)
{
    public HttpClient Client => client;
    public string BrandId => brandId;

    public static async Task<Storefront> CreateAsync(ApiFactory api, string[]? scopes = null)
    {
        var market = await TestBrand.CreateAsync(api.Planes);
        await using var db = api.Planes.Open(Plane.Live, market.Id);
        var key = await ApiKeyIssuer.CreateAsync(db, market.Id, Plane.Live, Roles.Marketplace, scopes ?? [Scopes.Read, Scopes.Write], "storefront");
        return new Storefront(api.ClientWith(key), market.Id);
    }

    public static string OrderBody(long listingId, int quantity = 1, string email = "buyer@example.com") =>
        JsonSerializer.Serialize(new { listing_id = listingId, quantity, buyer = new { email, name = "Alex Buyer" } });

    public async Task<JsonElement> OrderAsync(long listingId, int quantity = 1, string email = "buyer@example.com")
    {
        var response = await client.PostJsonAsync("/v1/marketplace/orders", OrderBody(listingId, quantity, email));
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    public async Task<JsonElement> ActAsync(string orderId, string action, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsync($"/v1/marketplace/orders/{orderId}/{action}", null);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == expected, $"{action}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>Create, capture and confirm: a completed sale.</summary>
    public async Task<JsonElement> BuyAsync(long listingId, int quantity = 1)
    {
        var id = (await OrderAsync(listingId, quantity)).GetProperty("id").GetString()!;
        await ActAsync(id, "capture");
        return await ActAsync(id, "confirm-receipt");
    }
}

public static class MoneyData
{
    public static async Task SetQuantityAsync(ApiFactory api, string brandId, long listingId, int quantity)
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        Assert.Equal(1, await db.Listings.Where(l => l.Id == listingId).ExecuteUpdateAsync(s => s.SetProperty(l => l.Quantity, quantity)));
    }

    public static async Task<List<EventRecord>> EventsAsync(ApiFactory api, string brandId, string type)
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        return await db.Events.Where(e => e.Type == type).OrderBy(e => e.Seq).ToListAsync();
    }

    public static async Task<Dictionary<string, long>> BalancesAsync(ApiFactory api, string brandId)
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        return await db.Ledger.GroupBy(e => e.Account).Select(g => new { g.Key, Sum = g.Sum(e => e.AmountPence) }).ToDictionaryAsync(x => x.Key, x => x.Sum);
    }

    private static long P(decimal gbp) => (long)(gbp * 100);

    /// <summary>
    /// The ledger invariants for one brand: every posting sums to zero, and every account's balance is
    /// exactly what the orders, payouts and credit codes in their current states imply.
    /// </summary>
    public static async Task AssertLedgerConsistentAsync(ApiFactory api, string brandId)
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        await db.Database.OpenConnectionAsync();
        var entries = await db.Ledger.ToListAsync();
        foreach (var posting in entries.GroupBy(e => e.PostingId))
            Assert.True(posting.Sum(e => e.AmountPence) == 0, $"posting {posting.Key} ({posting.First().Kind}) sums to {posting.Sum(e => e.AmountPence)}");
        Assert.All(entries, e => Assert.Equal(brandId, e.BrandId));

        var orders = await db.Orders.ToListAsync();
        var payouts = await db.Payouts.ToListAsync();
        var codes = await db.CreditCodes.ToListAsync();
        long Bal(string account) => entries.Where(e => e.Account == account).Sum(e => e.AmountPence);

        var captured = orders.Where(o => o.Status is OrderStatus.Paid or OrderStatus.Completed or OrderStatus.Refunded).ToList();
        var completed = orders.Where(o => o.Status == OrderStatus.Completed).ToList();
        Assert.Equal(-orders.Where(o => o.Status == OrderStatus.Paid).Sum(o => P(o.Amount)), Bal(Accounts.Escrow));
        Assert.Equal(-completed.Sum(o => P(o.Commission)), Bal(Accounts.Commission));
        Assert.Equal(-completed.Sum(o => P(o.Vat)), Bal(Accounts.VatOnCommission));
        Assert.Equal(-completed.Sum(o => P(o.DeliveryContribution)), Bal(Accounts.DeliveryContribution));
        Assert.Equal(0, Bal(Accounts.Refunds));
        // Still owed to partners: released brand stock whose payout has not left (pending or failed).
        // (A sale whose fees exceed its price leaves the partner owing the difference: no payout, no code.)
        Assert.Equal(-payouts.Where(p => p.Status is "pending" or "failed").Sum(p => P(p.Amount)) - completed.Where(o => o.Payout <= 0).Sum(o => P(o.Payout)),
            Bal(Accounts.SellerPayout));
        Assert.Equal(-payouts.Where(p => p.Status == "sent").Sum(p => P(p.Amount)), Bal(Accounts.Remittance));
        Assert.Equal(-codes.Where(c => c.Status == "active").Sum(c => P(c.Amount)), Bal(Accounts.CreditIssued));
        Assert.Equal(-codes.Where(c => c.Status == "redeemed").Sum(c => P(c.Amount)), Bal(Accounts.CreditRedeemed));
        Assert.Equal(captured.Where(o => o.Status != OrderStatus.Refunded).Sum(o => P(o.Amount)) - payouts.Where(p => p.Status == "settled").Sum(p => P(p.Amount)),
            Bal(Accounts.BuyerFunds));
        // Each released sale's payout equals the listing's payout figure times the quantity.
        Assert.All(completed, o => Assert.Equal(o.Amount - o.Commission - o.Vat - o.DeliveryContribution, o.Payout));
    }
}

public static class MoneyRows
{
    /// <summary>
    /// Puts a row for the brand into every money table without adding listings: the given listing is
    /// bought (order, ledger postings, payout), a credit code is issued against that order and
    /// redeemed once, and one guess is refused.
    /// </summary>
    public static async Task FillAsync(ApiFactory api, TestBrand brand, long listingId)
    {
        var store = await Storefront.CreateAsync(api);
        var order = await store.BuyAsync(listingId);
        var vault = api.Services.GetRequiredService<Repurch.Api.Features.Credits.CreditCodeVault>();
        var code = Repurch.Api.Features.Credits.CreditCodeVault.NewCode();
        await using (var db = api.Planes.Open(Plane.Live, brand.Id))
        {
            var now = DateTimeOffset.UtcNow;
            var credit = new CreditCode
            {
                Id = "crd_rls" + Guid.NewGuid().ToString("N")[..20], BrandId = brand.Id, SellerId = brand.SellerId, OrderId = order.GetProperty("id").GetString()!,
                CodeHash = vault.LookupHash(brand.Id, code), CodeCipher = [], Hint = code[^4..], Amount = 1m, Status = "active",
                IssuedAt = now, ExpiresAt = now.AddDays(1),
            };
            credit.CodeCipher = vault.Seal(brand.Id, credit.Id, code);
            // The listing goes back on sale as it was, so listing counts are untouched.
            await db.Listings.Where(l => l.Id == listingId).ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, "active").SetProperty(l => l.Quantity, 1));
            db.CreditCodes.Add(credit);
            new Posting(PostingKinds.CreditIssued) { CreditCodeId = credit.Id }.Debit(Accounts.SellerPayout, 1m).Credit(Accounts.CreditIssued, 1m).AddTo(db, brand.Id, now);
            await db.SaveChangesAsync();
        }
        var partner = api.ClientWith(brand.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostJsonAsync("/v1/codes/redeem", JsonSerializer.Serialize(new { code, order_reference = "RLS-1" }))).StatusCode);
        var guess = JsonSerializer.Serialize(new { code = Repurch.Api.Features.Credits.CreditCodeVault.NewCode() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await partner.PostJsonAsync("/v1/codes/validate", guess)).StatusCode);
    }
}
