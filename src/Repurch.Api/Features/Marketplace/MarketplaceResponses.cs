using Repurch.Api.Features.Listings;

namespace Repurch.Api.Features.Marketplace;

public sealed record MarketplaceMeta(int Page, int PerPage, int Total, int TotalPages);

public sealed record MarketplaceListingPage(IReadOnlyList<ListingSummary> Data, MarketplaceMeta Meta);
