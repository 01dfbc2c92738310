using Repurch.Api.Features.Money;

namespace Repurch.Api.Features.Disputes;

public static class DisputesSetup
{
    /// <summary>Opening and resolving disputes, and Money's <see cref="IDisputeNotices"/> for PayPal's dispute webhooks.</summary>
    public static IServiceCollection AddDisputes(this IServiceCollection services)
    {
        services.AddSingleton<DisputeOpener>();
        services.AddSingleton<DisputeResolver>();
        services.AddSingleton<DisputeEvidence>();
        services.AddSingleton<IDisputeNotices, PayPalDisputes>();
        return services;
    }
}
