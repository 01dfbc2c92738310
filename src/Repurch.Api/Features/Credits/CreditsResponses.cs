namespace Repurch.Api.Features.Credits;

public sealed record CodeValidity(bool Valid, string CodeId, decimal AmountGbp, string Currency, string ExpiresAt);

public sealed record Redemption(string Id, bool Valid, string CodeId, decimal AmountGbp, string Currency, string OrderReference, string RedeemedAt, string? ReversedAt);

public sealed record CreditSummary(string Id, string Status, decimal AmountGbp, string CodeHint, long SellerId, string OrderId,
    string IssuedAt, string ExpiresAt, string? RedeemedAt, string? OrderReference, string? RedemptionId);

public sealed record CreditsMeta(int Page, int PerPage, int Total, int TotalPages, string BrandId, decimal OutstandingBalanceGbp);

public sealed record CreditsPage(IReadOnlyList<CreditSummary> Data, CreditsMeta Meta);

public sealed record SellerCredit(string Id, string Code, string BrandId, string Status, decimal AmountGbp, string IssuedAt, string ExpiresAt, string? RedeemedAt);

public sealed record SellerCredits(long SellerId, IReadOnlyList<SellerCredit> Data);

public sealed record MyCreditsPage(IReadOnlyList<SellerCredit> Data, Http.ListMeta Meta);
