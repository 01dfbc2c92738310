namespace Repurch.Api.Features.Marketplace;

/// <summary>A listing the search text matches, with its relevance (full-text rank plus title similarity).</summary>
public sealed record SearchHit(long ListingId, float Rank);
