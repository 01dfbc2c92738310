using Microsoft.Extensions.Options;
using Repurch.Api.Authentication;
using Repurch.Api.Configuration;

namespace Repurch.Api.Persistence;

public static class PersistenceSetup
{
    /// <summary>The two planes (<see cref="DatabaseOptions"/>) and one context per request.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        services.AddBoundOptions<DatabaseOptions>();
        services.AddSingleton(sp => new DataPlanes(sp.GetRequiredService<IOptions<DatabaseOptions>>()));
        services.AddHttpContextAccessor();
        // One context per request, on the caller's plane and limited to the caller's brand.
        services.AddScoped(sp =>
        {
            var caller = sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Features.Get<Caller>();
            return sp.GetRequiredService<DataPlanes>().Open(caller?.Plane ?? Plane.Live, caller?.BrandId);
        });
        return services;
    }
}
