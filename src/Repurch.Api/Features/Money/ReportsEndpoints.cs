using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;
using SpreadCheetah;

namespace Repurch.Api.Features.Money;

/// <summary>
/// The monthly reconciliation report and the payouts list. The report is derived from the ledger
/// alone: every figure is a sum of the listed entries (each with its entry and posting id), and
/// each account's opening plus movements is its closing balance, to the penny.
/// </summary>
public static class ReportsEndpoints
{
    public static readonly string[] Formats = ["json", "csv", "xlsx"];
    public static readonly string[] PayoutStatuses = ["pending", "sent", "settled", "failed"];

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1").WithTags("Reports").RequireAuthorization(Policies.PartnerRead);
        read.MapGet("/reports/reconciliation", Reconciliation).WithBrandSession().WithName("GetReconciliationReport").WithSummary("Monthly reconciliation report")
            .WithDescription("The brand's ledger for one calendar month (UTC): a summary (sales captured, refunds, commission, VAT on commission, delivery contributions, payouts sent and settled, credit issued, redeemed, reinstated and outstanding at month end, escrow held at month end), each account's opening balance, debits, credits and closing balance, and every ledger entry with its `entry_id` and `posting_id`. Debits are positive, credits negative; debits equal credits. `format=csv` is one table (`section` = `summary`, `account` or `entry`) with cells that a spreadsheet could read as a formula prefixed by `'`; `format=xlsx` is a workbook with Summary, Accounts and Entries sheets. Amounts are pounds with two decimals (and pence in the XLSX).")
            .Query("month", Microsoft.OpenApi.JsonSchemaType.String, "The month, `YYYY-MM`. Required.")
            .Query("format", Microsoft.OpenApi.JsonSchemaType.String, "Response format.", values: Formats, defaultValue: "json")
            .Produces(200, contentType: "text/csv").Produces(200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Errors([.. CommonErrors.Auth, CommonErrors.InvalidParameter.DescribedAs("`month` is missing or not `YYYY-MM` (2000-2999), or `format` is not json, csv or xlsx.")]);
        read.MapGet("/payouts", Payouts).WithBrandSession().WithName("ListPayouts").WithSummary("List payouts")
            .WithDescription("Payouts to the brand for its released sales, newest first, with status: `pending` (not sent yet; retried), `sent` (PayPal has it), `settled` (PayPal confirmed; `payout.settled` was emitted), `failed` (`failure_reason`).")
            .Query("page", Microsoft.OpenApi.JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", Microsoft.OpenApi.JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Query("status", Microsoft.OpenApi.JsonSchemaType.String, "Only payouts in this status.", values: PayoutStatuses)
            .Errors([.. CommonErrors.Auth, CommonErrors.InvalidParameter.DescribedAs("A query parameter is out of range or not an allowed value.")]);
        return app;
    }

    private static async Task<Results<Ok<PayoutPage>, ApiErrorResult>> Payouts(HttpContext http, RepurchDb db, string? page, string? per_page, string? status, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!Paging.TryParse(page, per_page, out var pageNo, out var perPage, out var error)) return error!;
        if (status is not null && !PayoutStatuses.Contains(status))
            return Problems.InvalidParameter("status", "status_invalid", "status must be pending, sent, settled or failed.");
        var query = db.Payouts.AsQueryable();
        if (status is not null) query = query.Where(p => p.Status == status);
        var rows = await Paging.ReadPageAsync(query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id), pageNo, perPage, http, ct);
        return TypedResults.Ok(new PayoutPage(rows.Items.Select(OrderMapper.Payout).ToList(),
            rows.Meta(caller.BrandId)));
    }

    private static async Task<IResult> Reconciliation(HttpContext http, RepurchDb db, string? month, string? format, CancellationToken ct)
    {
        var caller = http.Caller();
        format ??= "json";
        if (!Formats.Contains(format)) return Problems.InvalidParameter("format", "format_invalid", "format must be json, csv or xlsx.");
        if (month is null || !DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) || m.Year is < 2000 or > 2999)
            return Problems.InvalidParameter("month", "month_invalid", "month must be YYYY-MM, e.g. 2026-11.");
        var from = new DateTimeOffset(m.Year, m.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddMonths(1);
        var report = await BuildAsync(db, caller.BrandId, month, from, to, ct);
        var name = $"repurch-reconciliation-{caller.BrandId}-{month}";
        return format switch
        {
            "csv" => TypedResults.File(Encoding.UTF8.GetBytes(Csv(report)), "text/csv; charset=utf-8", $"{name}.csv"),
            "xlsx" => TypedResults.File(await XlsxAsync(report, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx"),
            _ => TypedResults.Ok(report),
        };
    }

    public static async Task<ReconciliationReport> BuildAsync(RepurchDb db, string brandId, string month, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var opening = await db.Ledger.Where(e => e.CreatedAt < from).GroupBy(e => e.Account)
            .Select(g => new { g.Key, Sum = g.Sum(e => e.AmountPence) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var entries = await db.Ledger.Where(e => e.CreatedAt >= from && e.CreatedAt < to).OrderBy(e => e.Id).ToListAsync(ct);
        var redemptionIds = entries.Where(e => e.RedemptionId != null).Select(e => e.RedemptionId!).Distinct().ToList();
        var references = await db.CreditRedemptions.Where(r => redemptionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.OrderReference, ct);

        long Sum(string kind, string account, int sign) => sign * entries.Where(e => e.Kind == kind && e.Account == account).Sum(e => e.AmountPence);
        var accounts = Accounts.All.Select(a =>
        {
            var open = opening.GetValueOrDefault(a);
            var debits = entries.Where(e => e.Account == a && e.AmountPence > 0).Sum(e => e.AmountPence);
            var credits = entries.Where(e => e.Account == a && e.AmountPence < 0).Sum(e => e.AmountPence);
            return (Account: a, Open: open, Debits: debits, Credits: credits, Close: open + debits + credits);
        }).ToList();
        long Close(string a) => accounts.Single(x => x.Account == a).Close;
        var P = Ledger.Pounds;
        var summary = new ReconciliationSummary(
            SalesGbp: P(Sum(PostingKinds.OrderCaptured, Money.Accounts.BuyerFunds, 1)),
            RefundsGbp: P(Sum(PostingKinds.Refund, Money.Accounts.Escrow, 1)),
            CommissionGbp: P(Sum(PostingKinds.EscrowReleased, Money.Accounts.Commission, -1)),
            VatOnCommissionGbp: P(Sum(PostingKinds.EscrowReleased, Money.Accounts.VatOnCommission, -1)),
            DeliveryContributionsGbp: P(Sum(PostingKinds.EscrowReleased, Money.Accounts.DeliveryContribution, -1)),
            PayoutsSentGbp: P(Sum(PostingKinds.PayoutSent, Money.Accounts.SellerPayout, 1)),
            PayoutsSettledGbp: P(Sum(PostingKinds.PayoutSettled, Money.Accounts.Remittance, 1)),
            CreditsIssuedGbp: P(Sum(PostingKinds.CreditIssued, Money.Accounts.CreditIssued, -1)),
            CreditsRedeemedGbp: P(Sum(PostingKinds.CreditRedeemed, Money.Accounts.CreditIssued, 1)),
            CreditsReinstatedGbp: P(Sum(PostingKinds.CreditReversed, Money.Accounts.CreditIssued, -1)),
            CreditsOutstandingGbp: P(-Close(Money.Accounts.CreditIssued)),
            EscrowHeldGbp: P(-Close(Money.Accounts.Escrow)),
            TotalDebitsGbp: P(accounts.Sum(a => a.Debits)),
            TotalCreditsGbp: P(-accounts.Sum(a => a.Credits)));
        return new ReconciliationReport(brandId, month, WireFormat.Timestamp(from), WireFormat.Timestamp(to), summary,
            accounts.Select(a => new AccountMovement(a.Account, P(a.Open), P(a.Debits), P(-a.Credits), P(a.Close))).ToList(),
            entries.Select(e => new ReconciliationEntry(e.Id, e.PostingId.ToString(), WireFormat.Timestamp(e.CreatedAt), e.Kind, e.Account, P(e.AmountPence),
                e.OrderId, e.PayoutId, e.CreditCodeId, e.RedemptionId, e.RedemptionId is { } r ? references.GetValueOrDefault(r) : null)).ToList());
    }

    private static string Money2(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// A text cell, formula-neutralised (<see cref="SpreadsheetText.Neutralize"/>) and quoted per RFC 4180.
    /// Amounts are our own numbers and are written as such.
    /// </summary>
    public static string CsvText(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        value = SpreadsheetText.Neutralize(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Csv(ReconciliationReport r)
    {
        var sb = new StringBuilder();
        sb.Append("section,name,date,posting_id,entry_id,kind,account,amount_gbp,order_id,payout_id,credit_code_id,redemption_id,order_reference\r\n");
        foreach (var (name, value) in SummaryRows(r.Summary))
            sb.Append(CultureInfo.InvariantCulture, $"summary,{CsvText(name)},,,,,,{Money2(value)},,,,,\r\n");
        foreach (var a in r.Accounts)
        {
            sb.Append(CultureInfo.InvariantCulture, $"account,opening,,,,,{CsvText(a.Account)},{Money2(a.OpeningGbp)},,,,,\r\n");
            sb.Append(CultureInfo.InvariantCulture, $"account,closing,,,,,{CsvText(a.Account)},{Money2(a.ClosingGbp)},,,,,\r\n");
        }
        foreach (var e in r.Entries)
            sb.Append(CultureInfo.InvariantCulture,
                $"entry,,{CsvText(e.Date)},{CsvText(e.PostingId)},{e.EntryId},{CsvText(e.Kind)},{CsvText(e.Account)},{Money2(e.AmountGbp)},{CsvText(e.OrderId)},{CsvText(e.PayoutId)},{CsvText(e.CreditCodeId)},{CsvText(e.RedemptionId)},{CsvText(e.OrderReference)}\r\n");
        return sb.ToString();
    }

    private static IEnumerable<(string, decimal)> SummaryRows(ReconciliationSummary s) =>
    [
        ("sales", s.SalesGbp), ("refunds", s.RefundsGbp), ("commission", s.CommissionGbp), ("vat_on_commission", s.VatOnCommissionGbp),
        ("delivery_contributions", s.DeliveryContributionsGbp), ("payouts_sent", s.PayoutsSentGbp), ("payouts_settled", s.PayoutsSettledGbp),
        ("credits_issued", s.CreditsIssuedGbp), ("credits_redeemed", s.CreditsRedeemedGbp), ("credits_reinstated", s.CreditsReinstatedGbp),
        ("credits_outstanding", s.CreditsOutstandingGbp), ("escrow_held", s.EscrowHeldGbp), ("total_debits", s.TotalDebitsGbp), ("total_credits", s.TotalCreditsGbp),
    ];

    /// <summary>
    /// Cells are typed: text is a string cell (never a formula, so nothing in it runs), amounts are
    /// decimals written as their exact decimal text, plus whole pence.
    /// </summary>
    private static async Task<byte[]> XlsxAsync(ReconciliationReport r, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await using (var sheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: ct))
        {
            await sheet.StartWorksheetAsync("Summary", token: ct);
            await sheet.AddRowAsync([new DataCell("brand_id"), new DataCell(r.BrandId)], ct);
            await sheet.AddRowAsync([new DataCell("month"), new DataCell(r.Month)], ct);
            await sheet.AddRowAsync([new DataCell("figure"), new DataCell("amount_gbp"), new DataCell("amount_pence")], ct);
            foreach (var (name, value) in SummaryRows(r.Summary))
                await sheet.AddRowAsync([new DataCell(name), new DataCell(value), new DataCell(Ledger.Pence(value))], ct);

            await sheet.StartWorksheetAsync("Accounts", token: ct);
            await sheet.AddRowAsync([new DataCell("account"), new DataCell("opening_gbp"), new DataCell("debits_gbp"), new DataCell("credits_gbp"), new DataCell("closing_gbp")], ct);
            foreach (var a in r.Accounts)
                await sheet.AddRowAsync([new DataCell(a.Account), new DataCell(a.OpeningGbp), new DataCell(a.DebitsGbp), new DataCell(a.CreditsGbp), new DataCell(a.ClosingGbp)], ct);

            await sheet.StartWorksheetAsync("Entries", token: ct);
            await sheet.AddRowAsync([.. new[] { "entry_id", "posting_id", "date", "kind", "account", "amount_gbp", "amount_pence", "order_id", "payout_id", "credit_code_id", "redemption_id", "order_reference" }.Select(h => new DataCell(h))], ct);
            foreach (var e in r.Entries)
                await sheet.AddRowAsync([new DataCell(e.EntryId), new DataCell(e.PostingId), new DataCell(e.Date), new DataCell(e.Kind), new DataCell(e.Account),
                    new DataCell(e.AmountGbp), new DataCell(Ledger.Pence(e.AmountGbp)), new DataCell(e.OrderId), new DataCell(e.PayoutId),
                    new DataCell(e.CreditCodeId), new DataCell(e.RedemptionId), new DataCell(e.OrderReference)], ct);
            await sheet.FinishAsync(ct);
        }
        return stream.ToArray();
    }
}
