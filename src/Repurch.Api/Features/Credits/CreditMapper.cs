using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Credits;

/// <summary>A credit code as the brand's lists show it: the hint, never the code (REST and GraphQL alike).</summary>
public static class CreditMapper
{
    /// <summary>An active code past its expiry reads as <c>expired</c> before the sweep marks it.</summary>
    public static string Status(CreditCode c, DateTimeOffset now) =>
        c.Status == "active" && c.ExpiresAt <= now ? "expired" : c.Status;

    public static CreditSummary Summary(CreditCode c, DateTimeOffset now) => new(c.Id, Status(c, now), c.Amount, c.Hint, c.SellerId, c.OrderId,
        WireFormat.Timestamp(c.IssuedAt), WireFormat.Timestamp(c.ExpiresAt), WireFormat.Timestamp(c.RedeemedAt),
        c.OrderReference, c.RedemptionId);
}
