using Microsoft.Extensions.Options;
using Repurch.Api.Configuration;

namespace Repurch.Api.RateLimiting;

public static class RateLimitingSetup
{
    /// <summary>Per-partner limits from <see cref="RateLimitOptions"/> (checked at startup), in Redis when <c>REPURCH_REDIS_URL</c> is set.</summary>
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddBoundOptions<RateLimitOptions>();
        services.AddSingleton(sp => new RateLimitPolicies(sp.GetRequiredService<IOptions<RateLimitOptions>>().Value));
        services.AddSingleton<LocalRateLimiter>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RateLimitOptions>>().Value.RedisUrl is { } url
            ? new RateLimits(sp.GetRequiredService<RateLimitPolicies>(), sp.GetRequiredService<LocalRateLimiter>(),
                sp.GetRequiredService<ILogger<RateLimits>>(), sp.GetRequiredService<TimeProvider>(),
                new RedisRateLimiter(url, sp.GetRequiredService<ILogger<RedisRateLimiter>>()))
            : new RateLimits(sp.GetRequiredService<RateLimitPolicies>(), sp.GetRequiredService<LocalRateLimiter>(),
                sp.GetRequiredService<ILogger<RateLimits>>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary><c>RateLimits:Enabled=false</c> leaves the limiter out of the pipeline: for benchmarks that measure its cost, never for production.</summary>
    public static void UseRateLimits(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled) return;
        app.UseMiddleware<RateLimitMiddleware>();
    }
}
