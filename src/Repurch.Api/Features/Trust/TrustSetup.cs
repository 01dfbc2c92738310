using Repurch.Api.Configuration;

namespace Repurch.Api.Features.Trust;

public static class TrustSetup
{
    /// <summary>The screening engine (<see cref="MessageScreener"/>) and brand policies, keyed by <see cref="TrustOptions"/>.</summary>
    public static IServiceCollection AddTrust(this IServiceCollection services)
    {
        services.AddBoundOptions<TrustOptions>();
        services.AddSingleton<TrustPolicies>();
        services.AddSingleton<MessageScreener>();
        return services;
    }
}
