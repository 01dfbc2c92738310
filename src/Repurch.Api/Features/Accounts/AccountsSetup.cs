using Microsoft.Extensions.Options;
using Repurch.Api.Configuration;

namespace Repurch.Api.Features.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSingleton<AccountPasswords>();
        services.AddBoundOptions<AccountOptions>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AccountOptions>>().Value);
        services.AddSingleton<SignInThrottle>();
        return services;
    }
}
