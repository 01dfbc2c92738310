using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Listings;
using Repurch.Api.OpenApi;

namespace Repurch.Api.Features.Marketplace;

public sealed record MarketplaceMeta(int Page, int PerPage, int Total, int TotalPages);

public sealed record MarketplaceListingPage(IReadOnlyList<ListingSummary> Data, MarketplaceMeta Meta);
