using Repurch.Api.Features.Trust;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Listings;

/// <summary>
/// Listing titles and descriptions go through the message validator for contact details and
/// payment instructions, under the brand's trust policy (its allowed domains). Partner listings
/// and bulk rows are refused with a code; consumer trade-ins are held for review instead.
/// </summary>
public sealed class ListingTextScreening(MessageScreener screener, TrustPolicies policies)
{
    /// <summary>The reasons a listing's text may not have; the rest (links, scams aimed at a buyer) belong to messages.</summary>
    public static readonly IReadOnlySet<string> Refused = new HashSet<string>(StringComparer.Ordinal)
    {
        ScreeningReasons.ContactDetails, ScreeningReasons.OffPlatformPayment,
    };

    /// <summary>The check bound to the brand's policy; <paramref name="db"/> has the brand session open.</summary>
    public async Task<ListingTextCheck> ForBrandAsync(RepurchDb db, string brandId, CancellationToken ct) =>
        new(screener, await policies.GetAsync(db, brandId, ct));
}
