using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Money;

public sealed class ReportsTests : ApiTest
{
    private static string Month => DateTimeOffset.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A month with a completed sale, a refund, a sold trade-in and a redeemed code (with a hostile order reference).</summary>
    private async Task<TestBrand> BusyBrandAsync()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var store = await Storefront.CreateAsync(Api);
        await store.BuyAsync(await Infrastructure.Listings.CreateAsync(partner));
        var refunded = (await store.OrderAsync(await Infrastructure.Listings.CreateAsync(partner))).GetProperty("id").GetString()!;
        await store.ActAsync(refunded, "capture");
        await store.ActAsync(refunded, "refund");
        await store.ActAsync((await store.OrderAsync(await Infrastructure.Listings.CreateAsync(partner))).GetProperty("id").GetString()!, "capture");
        await store.BuyAsync(await brand.AddTradeInAsync(Api.Planes));
        var code = (await (await store.Client.GetAsync($"/v1/marketplace/sellers/{brand.SellerId}/credits")).JsonAsync()).GetProperty("data")[0].GetProperty("code").GetString()!;
        var redeemed = await partner.PostJsonAsync("/v1/codes/redeem", JsonSerializer.Serialize(new { code, order_reference = "=HYPERLINK(\"http://evil\",\"x\")" }));
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        return brand;
    }

    [Fact]
    public async Task Json_report_ties_out_to_the_penny_and_every_line_is_a_ledger_entry()
    {
        var brand = await BusyBrandAsync();
        var report = await (await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/reports/reconciliation?month={Month}")).JsonAsync();
        var s = report.GetProperty("summary");
        Assert.Equal(899m * 3 + 350m, s.GetProperty("sales_gbp").GetDecimal());
        Assert.Equal(899m, s.GetProperty("refunds_gbp").GetDecimal());
        Assert.Equal(899m, s.GetProperty("escrow_held_gbp").GetDecimal());
        Assert.Equal(134.85m + 49m, s.GetProperty("commission_gbp").GetDecimal());
        Assert.Equal(26.97m + 9.8m, s.GetProperty("vat_on_commission_gbp").GetDecimal());
        Assert.Equal(60m, s.GetProperty("delivery_contributions_gbp").GetDecimal());
        Assert.Equal(677.18m, s.GetProperty("payouts_settled_gbp").GetDecimal());
        Assert.Equal(291.2m, s.GetProperty("credits_issued_gbp").GetDecimal());
        Assert.Equal(291.2m, s.GetProperty("credits_redeemed_gbp").GetDecimal());
        Assert.Equal(0m, s.GetProperty("credits_outstanding_gbp").GetDecimal());
        Assert.Equal(s.GetProperty("total_debits_gbp").GetDecimal(), s.GetProperty("total_credits_gbp").GetDecimal());

        var entries = report.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(0m, entries.Sum(e => e.GetProperty("amount_gbp").GetDecimal()));
        foreach (var a in report.GetProperty("accounts").EnumerateArray())
        {
            var name = a.GetProperty("account").GetString();
            var moved = entries.Where(e => e.GetProperty("account").GetString() == name).Sum(e => e.GetProperty("amount_gbp").GetDecimal());
            Assert.Equal(a.GetProperty("closing_gbp").GetDecimal(), a.GetProperty("opening_gbp").GetDecimal() + moved);
            Assert.Equal(moved, a.GetProperty("debits_gbp").GetDecimal() - a.GetProperty("credits_gbp").GetDecimal());
        }
        var balances = await MoneyData.BalancesAsync(Api, brand.Id);
        Assert.Equal(balances.Values.Sum(v => Math.Abs(v)), entries.Where(e => true).GroupBy(e => e.GetProperty("account").GetString()!)
            .Sum(g => Math.Abs((long)(g.Sum(e => e.GetProperty("amount_gbp").GetDecimal()) * 100))));
        Assert.All(entries, e => Assert.True(e.GetProperty("entry_id").GetInt64() > 0 && e.GetProperty("posting_id").GetString()!.Length == 36));
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);

        // Another month is empty; another brand sees none of it.
        var empty = await (await Api.ClientWith(brand.AdminKey).GetAsync("/v1/reports/reconciliation?month=2001-01")).JsonAsync();
        Assert.Empty(empty.GetProperty("entries").EnumerateArray());
        var other = await NewBrandAsync();
        var theirs = await (await Api.ClientWith(other.AdminKey).GetAsync($"/v1/reports/reconciliation?month={Month}")).JsonAsync();
        Assert.Empty(theirs.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task Csv_is_formula_safe_and_xlsx_is_a_workbook()
    {
        var brand = await BusyBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var csv = await client.GetAsync($"/v1/reports/reconciliation?month={Month}&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("section,name,date,posting_id,entry_id", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("summary,sales,,,,,,3047.00,", text, StringComparison.Ordinal);

        var xlsx = await client.GetAsync($"/v1/reports/reconciliation?month={Month}&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var workbook = await new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("Summary", workbook, StringComparison.Ordinal);
        Assert.Contains("Entries", workbook, StringComparison.Ordinal);
        var sheets = string.Join("", zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.DoesNotContain("<f>", sheets, StringComparison.Ordinal);
        Assert.Contains("304700", sheets, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "month")]
    [InlineData("?month=2026-13", "month")]
    [InlineData("?month=26-01", "month")]
    [InlineData("?month=2026-01&format=pdf", "format")]
    public async Task Bad_parameters_are_400(string query, string param)
    {
        var brand = await NewBrandAsync();
        var body = await (await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/reports/reconciliation{query}")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal(param, body.GetProperty("data").GetProperty("param").GetString());
    }

    [Fact]
    public async Task Payouts_list_with_status_and_auth()
    {
        var brand = await BusyBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var all = await (await client.GetAsync("/v1/payouts")).JsonAsync();
        var payout = Assert.Single(all.GetProperty("data").EnumerateArray());
        Assert.Equal("settled", payout.GetProperty("status").GetString());
        Assert.Equal(677.18m, payout.GetProperty("amount_gbp").GetDecimal());
        Assert.Empty((await (await client.GetAsync("/v1/payouts?status=pending")).JsonAsync()).GetProperty("data").EnumerateArray());
        await (await client.GetAsync("/v1/payouts?status=lost")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        await (await Api.ClientWith(brand.MemberKey).GetAsync("/v1/payouts")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.WriteOnlyKey).GetAsync($"/v1/reports/reconciliation?month={Month}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var other = await NewBrandAsync();
        Assert.Empty((await (await Api.ClientWith(other.AdminKey).GetAsync("/v1/payouts")).JsonAsync()).GetProperty("data").EnumerateArray());
    }
}
