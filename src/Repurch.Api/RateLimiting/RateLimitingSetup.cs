namespace Repurch.Api.RateLimiting;

public static class RateLimitingSetup
{
    public static void AddRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<RateLimitPolicies>();
        services.AddSingleton<LocalRateLimiter>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>()["REPURCH_REDIS_URL"] is { Length: > 0 } url
            ? new RateLimits(sp.GetRequiredService<RateLimitPolicies>(), sp.GetRequiredService<LocalRateLimiter>(),
                sp.GetRequiredService<ILogger<RateLimits>>(), sp.GetRequiredService<TimeProvider>(),
                new RedisRateLimiter(url, sp.GetRequiredService<ILogger<RedisRateLimiter>>()))
            : new RateLimits(sp.GetRequiredService<RateLimitPolicies>(), sp.GetRequiredService<LocalRateLimiter>(),
                sp.GetRequiredService<ILogger<RateLimits>>(), sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary><c>RateLimits:Enabled=false</c> leaves the limiter out of the pipeline: for benchmarks that measure its cost, never for production.</summary>
    public static void UseRateLimits(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue("RateLimits:Enabled", true)) return;
        app.UseMiddleware<RateLimitMiddleware>();
    }
}
