using Microsoft.Extensions.Options;
using Repurch.Api.Configuration;

namespace Repurch.Api.Features.Money;

public static class MoneySetup
{
    /// <summary>Orders, escrow and payouts, with <see cref="MoneyOptions"/> (checked at startup).</summary>
    public static IServiceCollection AddMoney(this IServiceCollection services)
    {
        services.AddBoundOptions<MoneyOptions>();
        // Handlers and the flows take the checked value itself.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MoneyOptions>>().Value);
        services.AddSingleton<OrderFlows>();
        services.AddHostedService<MoneySweeper>();
        return services;
    }
}
