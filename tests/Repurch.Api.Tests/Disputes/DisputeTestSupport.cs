using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Repurch.Api.Authentication;
using Repurch.Api.Cli;
using Repurch.Api.Features.Disputes;
using Repurch.Api.Features.Money;
using Repurch.Api.Persistence;
using Repurch.Api.Storage;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Money;

namespace Repurch.Api.Tests.Disputes;

public static class DisputeData
{
    /// <summary>A £599 clearance sofa with £60 delivery: commission £89.85, VAT £17.97, payout £431.18.</summary>
    public const string Clearance599 = """
        {"title":"Grey velvet corner sofa","channel":"clearance","price_gbp":599,"condition":"like-new","category":"Corner Sofas","delivery_contribution_gbp":60}
        """;

    private static readonly SemaphoreSlim SeedLock = new(1, 1);

    /// <summary>
    /// A live operator key of the platform's brand. The brand comes from the demo seed (run here if no
    /// test has yet), inside <see cref="DemoSeedTests"/> so it never races the CLI's seed test.
    /// </summary>
    public static async Task<string> OperatorKeyAsync(ApiFactory api, string[]? scopes = null)
    {
        await SeedLock.WaitAsync();
        try
        {
            bool exists;
            await using (var db = api.Planes.Open(Plane.Live, Roles.OperatorBrand)) exists = await db.Brands.AnyAsync();
            if (!exists)
                await DemoSeed.RunAsync(api.Planes, api.Services.GetRequiredService<IObjectStore>(), "http://localhost/media", TextWriter.Null);
        }
        finally
        {
            SeedLock.Release();
        }
        await using var live = api.Planes.Open(Plane.Live, Roles.OperatorBrand);
        return await ApiKeyIssuer.CreateAsync(live, Roles.OperatorBrand, Plane.Live, Roles.Operator, scopes ?? [Scopes.Read, Scopes.Write], "operator");
    }

    /// <summary>A paid (captured) guest order on a new listing of <paramref name="brand"/>; returns its id.</summary>
    public static async Task<string> PaidOrderAsync(ApiFactory api, TestBrand brand, string listing = Clearance599)
    {
        var listingId = await Infrastructure.Listings.CreateAsync(api.ClientWith(brand.AdminKey), listing);
        var store = await Storefront.CreateAsync(api);
        var id = (await store.OrderAsync(listingId)).GetProperty("id").GetString()!;
        await store.ActAsync(id, "capture");
        return id;
    }

    /// <summary>A paid order of a consumer's trade-in (released as a credit code, not a payout).</summary>
    public static async Task<string> PaidTradeInOrderAsync(ApiFactory api, TestBrand brand)
    {
        var listingId = await brand.AddTradeInAsync(api.Planes);
        var store = await Storefront.CreateAsync(api);
        var id = (await store.OrderAsync(listingId)).GetProperty("id").GetString()!;
        await store.ActAsync(id, "capture");
        return id;
    }

    /// <summary>Opens a dispute the way the buyer's endpoint does (through the opener), for guest orders.</summary>
    public static async Task<Dispute> OpenAsync(ApiFactory api, string brandId, string orderId, string text = "It arrived with a torn arm.")
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        var opened = await api.Services.GetRequiredService<DisputeOpener>().OpenAsync(db,
            new DisputeOpener.Request(orderId, "acct_testbuyer", "damaged", text, "delivered", [], null, null), default);
        Assert.Equal(DisputeOpener.Result.Opened, opened.Result);
        return opened.Dispute!;
    }

    public static async Task<Order> OrderAsync(ApiFactory api, string brandId, string orderId)
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        return await db.Orders.SingleAsync(o => o.Id == orderId);
    }

    public static async Task<Dispute> DisputeAsync(ApiFactory api, string brandId, string disputeId)
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        return await db.Disputes.SingleAsync(d => d.Id == disputeId);
    }

    public static Task<HttpResponseMessage> ResolveAsync(HttpClient client, string disputeId, string body) =>
        client.PostJsonAsync($"/v1/disputes/{disputeId}/resolve", body);

    /// <summary>
    /// The brand's ledger against its orders: every posting sums to zero, escrow holds exactly the paid and
    /// disputed orders, buyer funds are what was captured less refunds and settled payouts, and the fees are
    /// those of the released (completed or partially refunded) orders.
    /// </summary>
    public static async Task AssertLedgerAsync(ApiFactory api, string brandId)
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        await db.Database.OpenConnectionAsync();
        var entries = await db.Ledger.ToListAsync();
        foreach (var posting in entries.GroupBy(e => e.PostingId))
            Assert.True(posting.Sum(e => e.AmountPence) == 0, $"posting {posting.Key} ({posting.First().Kind}) sums to {posting.Sum(e => e.AmountPence)}");
        var orders = await db.Orders.ToListAsync();
        var payouts = await db.Payouts.ToListAsync();
        var codes = await db.CreditCodes.ToListAsync();
        long Bal(string account) => entries.Where(e => e.Account == account).Sum(e => e.AmountPence);
        static long P(decimal gbp) => (long)(gbp * 100);
        var released = orders.Where(o => o.Status is OrderStatus.Completed or OrderStatus.PartiallyRefunded).ToList();
        Assert.Equal(-orders.Where(o => o.Status is OrderStatus.Paid or OrderStatus.Disputed).Sum(o => P(o.Amount)), Bal(Accounts.Escrow));
        Assert.Equal(0, Bal(Accounts.Refunds));
        Assert.Equal(-released.Sum(o => P(o.Commission)), Bal(Accounts.Commission));
        Assert.Equal(-released.Sum(o => P(o.Vat)), Bal(Accounts.VatOnCommission));
        Assert.Equal(-released.Sum(o => P(o.DeliveryContribution)), Bal(Accounts.DeliveryContribution));
        Assert.Equal(-payouts.Where(p => p.Status is "pending" or "failed").Sum(p => P(p.Amount)) - released.Where(o => o.Payout <= 0).Sum(o => P(o.Payout)),
            Bal(Accounts.SellerPayout));
        Assert.Equal(-codes.Where(c => c.Status == "active").Sum(c => P(c.Amount)), Bal(Accounts.CreditIssued));
        var captured = orders.Where(o => o.Status is OrderStatus.Paid or OrderStatus.Disputed or OrderStatus.Completed or OrderStatus.PartiallyRefunded)
            .Sum(o => P(o.Amount - o.RefundedAmount));
        Assert.Equal(captured - payouts.Where(p => p.Status == "settled").Sum(p => P(p.Amount)), Bal(Accounts.BuyerFunds));
        Assert.All(orders, o => Assert.Equal(o.Amount - o.RefundedAmount - o.Commission - o.Vat - o.DeliveryContribution, o.Payout));
    }

    /// <summary>The brand's reconciliation report for this month ties: debits equal credits, every account's opening plus movements is its closing.</summary>
    public static async Task<JsonElement> AssertReconciliationTiesAsync(ApiFactory api, TestBrand brand)
    {
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var response = await api.ClientWith(brand.AdminKey).GetAsync($"/v1/reports/reconciliation?month={month}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        var s = report.GetProperty("summary");
        Assert.Equal(s.GetProperty("total_debits_gbp").GetDecimal(), s.GetProperty("total_credits_gbp").GetDecimal());
        var entries = report.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(0m, entries.Sum(e => e.GetProperty("amount_gbp").GetDecimal()));
        foreach (var a in report.GetProperty("accounts").EnumerateArray())
        {
            var name = a.GetProperty("account").GetString();
            var moved = entries.Where(e => e.GetProperty("account").GetString() == name).Sum(e => e.GetProperty("amount_gbp").GetDecimal());
            Assert.Equal(a.GetProperty("closing_gbp").GetDecimal(), a.GetProperty("opening_gbp").GetDecimal() + moved);
        }
        return s;
    }
}
