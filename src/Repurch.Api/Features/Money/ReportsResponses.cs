using Repurch.Api.Http;

namespace Repurch.Api.Features.Money;

public sealed record ReconciliationEntry(long EntryId, string PostingId, string Date, string Kind, string Account, decimal AmountGbp,
    string? OrderId, string? PayoutId, string? CreditCodeId, string? RedemptionId, string? OrderReference);

public sealed record AccountMovement(string Account, decimal OpeningGbp, decimal DebitsGbp, decimal CreditsGbp, decimal ClosingGbp);

public sealed record ReconciliationSummary(
    decimal SalesGbp, decimal RefundsGbp, decimal CommissionGbp, decimal VatOnCommissionGbp, decimal DeliveryContributionsGbp,
    decimal PayoutsSentGbp, decimal PayoutsSettledGbp, decimal CreditsIssuedGbp, decimal CreditsRedeemedGbp, decimal CreditsReinstatedGbp,
    decimal CreditsOutstandingGbp, decimal EscrowHeldGbp, decimal TotalDebitsGbp, decimal TotalCreditsGbp);

public sealed record ReconciliationReport(string BrandId, string Month, string From, string To, ReconciliationSummary Summary,
    IReadOnlyList<AccountMovement> Accounts, IReadOnlyList<ReconciliationEntry> Entries);

public sealed record PayoutView(string Id, string OrderId, decimal AmountGbp, string Status, string? ProviderBatchId, string? FailureReason,
    string CreatedAt, string? SentAt, string? SettledAt);

public sealed record PayoutPage(IReadOnlyList<PayoutView> Data, ListMeta Meta);
