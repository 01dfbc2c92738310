using Repurch.Api.Payments;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

/// <summary>
/// Applies the payment provider's dispute notices to the order they name. Disputes implements it, so
/// Money (which receives the webhook) never references Disputes.
/// </summary>
public interface IDisputeNotices
{
    /// <summary>Opens, links or closes the order's dispute; false when nothing changed (a repeat, or an order that cannot be disputed).</summary>
    Task<bool> ApplyAsync(Plane plane, string brandId, string orderId, DisputeNotice notice, CancellationToken ct);
}
