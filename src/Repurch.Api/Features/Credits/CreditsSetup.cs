using Repurch.Api.Configuration;

namespace Repurch.Api.Features.Credits;

public static class CreditsSetup
{
    /// <summary>Credit codes, keyed by <see cref="CreditOptions"/> (checked at startup).</summary>
    public static IServiceCollection AddCredits(this IServiceCollection services)
    {
        services.AddBoundOptions<CreditOptions>()
            .Configure<IHostEnvironment>((o, env) => o.Development = env.IsDevelopment());
        services.AddSingleton<CreditCodeVault>();
        return services;
    }
}
