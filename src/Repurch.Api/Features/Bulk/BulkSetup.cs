using Repurch.Api.Configuration;

namespace Repurch.Api.Features.Bulk;

public static class BulkSetup
{
    public static IServiceCollection AddBulk(this IServiceCollection services)
    {
        services.AddBoundOptions<BulkOptions>();
        services.AddSingleton<BulkJobSignal>();
        services.AddHostedService<BulkJobWorker>();
        return services;
    }
}
