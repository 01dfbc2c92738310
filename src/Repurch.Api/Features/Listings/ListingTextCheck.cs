using Repurch.Api.Features.Trust;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Listings;

/// <summary>One brand's listing text check (see <see cref="ListingTextScreening"/>); safe to share across threads.</summary>
public sealed class ListingTextCheck(MessageScreener screener, TrustPolicy policy)
{
    private readonly HashSet<string> only = [.. ListingTextScreening.Refused];

    /// <summary>The refused reasons found in <paramref name="text"/>, in the validator's order.</summary>
    public IReadOnlyList<string> Reasons(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : screener.Reasons(text, policy, only);

    /// <summary>
    /// Adds <c>title_&lt;reason&gt;</c> / <c>description_&lt;reason&gt;</c> for what the listing's text holds.
    /// Only fields that are otherwise valid are read, so a field has one code at a time.
    /// </summary>
    public void Check(Listing listing, List<string> errors, bool title = true, bool description = true)
    {
        if (title && !errors.Any(e => e.StartsWith("title_", StringComparison.Ordinal)))
            foreach (var reason in Reasons(listing.Title)) errors.Add($"title_{reason}");
        if (description && !errors.Any(e => e.StartsWith("description_", StringComparison.Ordinal)))
            foreach (var reason in Reasons(listing.Description)) errors.Add($"description_{reason}");
    }
}
