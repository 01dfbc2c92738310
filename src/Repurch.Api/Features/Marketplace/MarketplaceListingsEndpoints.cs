namespace Repurch.Api.Features.Marketplace;

/// <summary>The main marketplace's read path over every brand's cross-listed active listings.</summary>
public static class MarketplaceListingsEndpoints
{
    public static IEndpointRouteBuilder MapMarketplaceListings(this IEndpointRouteBuilder app) => app;
}
