using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

/// <summary>
/// Issues the credit code a consumer seller gets when a trade-in's escrow is released. Credits
/// implements it, so Money never references Credits.
/// </summary>
public interface ICreditIssuer
{
    /// <summary>Adds the code, its ledger posting and its event to the context (the caller saves); returns the code's id.</summary>
    string Issue(RepurchDb db, Order order, long sellerId, DateTimeOffset now);
}
