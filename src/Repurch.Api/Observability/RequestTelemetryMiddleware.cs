using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Repurch.Api.Authentication;

namespace Repurch.Api.Observability;

/// <summary>
/// Runs right after authentication, so it knows the partner: tags the request's trace and its
/// <c>http.server.request.duration</c> measurement with <c>brand_id</c> and <c>plane</c>, opens a log
/// scope (brand_id, plane, request_id, trace_id) around everything after it, writes one access-log line
/// per request (method, route pattern, status, duration — never the query string or headers), and adds
/// the request to the partner's usage (<see cref="UsageRecorder"/>).
/// </summary>
public sealed class RequestTelemetryMiddleware(RequestDelegate next, UsageRecorder usage, ILoggerFactory logs)
{
    public const string LogCategory = "Repurch.Api.Requests";

    private readonly ILogger _log = logs.CreateLogger(LogCategory);

    private static readonly string[] Untracked = ["/metrics", "/healthz", "/readyz"];

    public static bool IsUntracked(PathString path) =>
        Untracked.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    public async Task InvokeAsync(HttpContext http)
    {
        if (IsUntracked(http.Request.Path))
        {
            await next(http);
            return;
        }
        var start = Stopwatch.GetTimestamp();
        var caller = http.Features.Get<Caller>();
        var plane = caller is null ? null : RepurchMetrics.PlaneName(caller.Plane);
        var activity = Activity.Current;
        if (caller is not null)
        {
            activity?.SetTag("brand_id", caller.BrandId);
            activity?.SetTag("plane", plane);
            if (http.Features.Get<IHttpMetricsTagsFeature>() is { } metricTags)
            {
                metricTags.Tags.Add(new("brand_id", caller.BrandId));
                metricTags.Tags.Add(new("plane", plane));
            }
        }
        var route = RouteOf(http);
        using var scope = _log.BeginScope(new RequestLogScope(caller?.BrandId, plane, http.TraceIdentifier, activity?.TraceId.ToHexString()));
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(http);
            status = http.Response.StatusCode;
        }
        catch (Exception e) when (IsClientAbort(http, e))
        {
            // The client went away: nothing was answered, and nothing on our side failed.
            status = StatusCodes.Status499ClientClosedRequest;
            throw;
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel refused the request (body over its limit, broken framing): the exception handler
            // answers with this status, so it is what was sent, not a 500.
            status = e.StatusCode;
            throw;
        }
        finally
        {
            var elapsedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (caller is not null) usage.Record(caller.Plane, caller.BrandId, route, status, elapsedMs);
            if (_log.IsEnabled(LogLevel.Information))
                _log.LogInformation("{Route} answered {StatusCode} in {ElapsedMs:0.0} ms", route, status, elapsedMs);
        }
    }

    /// <summary>
    /// The exception handler's own test for a request the client aborted (which it logs at debug level
    /// only): a cancellation or I/O error, <see cref="BadHttpRequestException"/> included, once the
    /// request is aborted.
    /// </summary>
    public static bool IsClientAbort(HttpContext http, Exception e) =>
        e is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested;

    /// <summary>The method and route pattern (<c>GET /v1/listings/{id}</c>): bounded, and free of ids and query strings.</summary>
    public static string RouteOf(HttpContext http)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (pattern is null) return "unmatched";
        if (!pattern.StartsWith('/')) pattern = "/" + pattern;
        if (pattern.Length > 1) pattern = pattern.TrimEnd('/'); // a group's root: "/v1/listings/" is "/v1/listings"
        var route = $"{http.Request.Method.ToUpperInvariant()} {pattern}";
        return route.Length <= 300 ? route : route[..300];
    }
}
