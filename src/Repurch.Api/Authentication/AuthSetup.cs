using Microsoft.AspNetCore.Authentication;

namespace Repurch.Api.Authentication;

public static class AuthSetup
{
    /// <summary>API keys and access tokens as bearer credentials, and the role/scope policies.</summary>
    public static IServiceCollection AddBearerAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<TokenSessions>();
        services.AddSingleton<KeyUsage>();
        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(Policies.Add);
        return services;
    }
}
