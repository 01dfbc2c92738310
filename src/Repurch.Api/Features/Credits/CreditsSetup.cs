using Repurch.Api.Configuration;
using Repurch.Api.Features.Money;

namespace Repurch.Api.Features.Credits;

public static class CreditsSetup
{
    /// <summary>Credit codes, keyed by <see cref="CreditOptions"/> (checked at startup).</summary>
    public static IServiceCollection AddCredits(this IServiceCollection services)
    {
        services.AddBoundOptions<CreditOptions>()
            .Configure<IHostEnvironment>((o, env) => o.Development = env.IsDevelopment());
        services.AddSingleton<CreditCodeVault>();
        // Money issues a seller's credit through this, so Credits depends on Money and never the other way.
        services.AddSingleton<ICreditIssuer, CreditIssuer>();
        return services;
    }
}
