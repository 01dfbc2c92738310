using Microsoft.Extensions.DependencyInjection.Extensions;
using Repurch.Api.Configuration;

namespace Repurch.Api.EventDelivery;

public static class WebhookServices
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddBoundOptions<WebhookOptions>();
        services.TryAddSingleton<IWebhookDns, SystemWebhookDns>();
        services.AddSingleton<WebhookUrlGuard>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, c =>
            {
                c.Timeout = Timeout.InfiniteTimeSpan; // the dispatcher applies its own per-attempt timeout
                c.DefaultRequestHeaders.UserAgent.ParseAdd("Repurch-Webhooks/1");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // Every connection goes to an address checked after DNS resolution (SSRF guard).
                ConnectCallback = sp.GetRequiredService<WebhookUrlGuard>().ConnectAsync,
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
