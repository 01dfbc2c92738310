using System.Globalization;

namespace Repurch.Api.RateLimiting;

/// <summary>
/// Runs after authentication: draws a token for the caller's bucket, answers <c>429 rate_limited</c>
/// with <c>Retry-After</c> when none is left, and on every response sets the IETF httpapi draft headers
/// <c>RateLimit-Policy: "default";q=&lt;burst&gt;;w=&lt;seconds&gt;</c> and
/// <c>RateLimit: "default";r=&lt;remaining&gt;;t=&lt;seconds&gt;</c>.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, RateLimits limits)
{
    public const string PolicyHeader = "RateLimit-Policy";
    public const string LimitHeader = "RateLimit";

    private static readonly string[] ExemptPrefixes = ["/healthz", "/readyz", "/metrics", "/docs", "/openapi"];

    public static bool IsExempt(PathString path) =>
        path == "/" || ExemptPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    public async Task InvokeAsync(HttpContext http)
    {
        if (IsExempt(http.Request.Path))
        {
            await next(http);
            return;
        }
        var key = limits.KeyFor(http);
        RateLimitDecision decision;
        try
        {
            decision = await limits.AcquireAsync(key, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client left while waiting for a token
        }
        var policy = key.Policy;
        var headers = http.Response.Headers;
        headers[PolicyHeader] = Invariant($"\"{policy.Name}\";q={policy.Burst};w={policy.WindowSeconds}");
        var remaining = (long)Math.Max(0, Math.Floor(decision.Remaining));
        headers[LimitHeader] = Invariant($"\"{policy.Name}\";r={remaining};t={policy.SecondsUntilFull(decision.Remaining)}");
        if (!decision.Allowed)
        {
            var caller = http.Features.Get<Authentication.Caller>();
            Observability.RepurchMetrics.RateLimitRejected(caller?.BrandId, caller?.Plane, policy.Name);
            headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            var whose = policy.Name == "anonymous" ? "from this address" : "for this partner and environment";
            await RateLimitErrors.RateLimited.Result($"Too many requests {whose}: retry after {decision.RetryAfterSeconds} s.").ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
