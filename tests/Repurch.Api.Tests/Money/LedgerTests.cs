using Npgsql;
using Repurch.Api.Features.Money;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Money;

public sealed class LedgerTests : ApiTest
{
    [Fact]
    public async Task Randomized_sequences_of_flows_keep_every_posting_balanced_and_every_account_explained()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var store = await Storefront.CreateAsync(Api);
        var seed = Environment.TickCount;
        Console.WriteLine($"ledger random seed {seed}");
        var random = new Random(seed);
        var open = new List<(string Id, string Status)>();
        for (var step = 0; step < 30; step++)
        {
            var roll = random.Next(6);
            if (roll <= 1 || open.Count == 0)
            {
                var price = random.Next(1, 200_000) / 100m;
                var json = $$"""{"title":"Sofa {{step}}","channel":"{{(random.Next(2) == 0 ? "clearance" : "exchange")}}","price_gbp":{{price}},"condition":"excellent","category":"Armchairs","delivery_contribution_gbp":{{new[] { 0, 30, 60, 129 }[random.Next(4)]}}}""";
                var listing = await Infrastructure.Listings.CreateAsync(partner, json);
                var order = await store.OrderAsync(listing);
                open.Add((order.GetProperty("id").GetString()!, "pending_payment"));
            }
            else
            {
                var i = random.Next(open.Count);
                var (id, status) = open[i];
                string[] actions = status switch
                {
                    "pending_payment" => ["capture", "cancel"],
                    "paid" => ["confirm-receipt", "refund"],
                    _ => [],
                };
                if (actions.Length == 0) { open.RemoveAt(i); continue; }
                var result = await store.ActAsync(id, actions[random.Next(actions.Length)]);
                open[i] = (id, result.GetProperty("status").GetString()!);
            }
            await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
        }
        // Trade-ins: a consumer seller's sale becomes brand credit.
        var tradeIn = await brand.AddTradeInAsync(Api.Planes);
        await store.BuyAsync(tradeIn);
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
    }

    [Fact]
    public async Task The_database_refuses_unbalanced_postings_and_any_change_to_entries()
    {
        var brand = await NewBrandAsync();
        var store = await Storefront.CreateAsync(Api);
        var listing = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey));
        await store.BuyAsync(listing);

        // An unbalanced posting: refused at commit by the deferred constraint trigger.
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            db.Ledger.Add(new LedgerEntry { BrandId = brand.Id, PostingId = Guid.NewGuid(), Kind = "forged", Account = Accounts.Commission, AmountPence = -100, CreatedAt = DateTimeOffset.UtcNow });
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
            Assert.Contains("does not balance", (refused.InnerException ?? refused).Message);
        }
        // The posting code refuses it before the database sees it.
        Assert.Throws<InvalidOperationException>(() => new Posting("forged").Debit(Accounts.Escrow, 1m).AddTo(null!, brand.Id, DateTimeOffset.UtcNow));
        Assert.Throws<ArgumentException>(() => new Posting("forged").Debit(Accounts.Escrow, 0.001m));

        await using (var app = await Api.Planes.For(Plane.Live).OpenConnectionAsync())
        {
            await using (var set = new NpgsqlCommand("SELECT set_config('app.brand_id', $1, false)", app) { Parameters = { new() { Value = brand.Id } } })
                await set.ExecuteNonQueryAsync();
            foreach (var sql in new[] { "UPDATE ledger_entries SET amount_pence = 1", "DELETE FROM ledger_entries" })
            {
                await using var cmd = new NpgsqlCommand(sql, app);
                var denied = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
            }
        }
        var owner = ApiFactory.Configuration["REPURCH_MIGRATOR_DATABASE_URL"];
        Assert.False(string.IsNullOrEmpty(owner));
        await using var conn = new NpgsqlConnection(owner);
        await conn.OpenAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('app.brand_id', $1, false)", conn) { Parameters = { new() { Value = brand.Id } } })
            await set.ExecuteNonQueryAsync();
        foreach (var sql in new[] { "UPDATE ledger_entries SET amount_pence = 1", "DELETE FROM ledger_entries" })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.MessageText);
        }
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
    }

    [Fact]
    public async Task Another_brand_sees_none_of_the_ledger()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var store = await Storefront.CreateAsync(Api);
        await store.BuyAsync(await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey)));
        Assert.NotEmpty(await MoneyData.BalancesAsync(Api, brand.Id));
        Assert.Empty(await MoneyData.BalancesAsync(Api, other.Id));
    }
}
