using Repurch.Api.Configuration;

namespace Repurch.Api.Features.Listings;

public static class ListingsSetup
{
    public static IServiceCollection AddListings(this IServiceCollection services)
    {
        services.AddBoundOptions<ListingUrlOptions>();
        services.AddSingleton<ListingUrls>();
        services.AddSingleton<ListingTextScreening>();
        return services;
    }
}
