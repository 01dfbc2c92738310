using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Repurch.Api.Errors;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Observability;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: and both planes' databases answer too.</summary>
public static class HealthEndpoints
{
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("ok"))).WithTags("Operations").NoBearer()
            .WithName("Health").WithSummary("Liveness")
            .WithDescription("`200 {\"status\": \"ok\"}` while the process serves requests. Checks nothing else: use it to restart a hung process. No credential, not rate limited.");
        app.MapGet("/readyz", Ready).WithTags("Operations").NoBearer()
            .WithName("Ready").WithSummary("Readiness")
            .WithDescription("Checks that the live and the sandbox database both answer (a `SELECT 1` each, at most 3 s). `200 {\"status\": \"ready\", \"checks\": {\"live\": \"ok\", \"sandbox\": \"ok\"}}`, or `503 not_ready` naming what failed in `data.errors`: take the node out of the load balancer. No credential, not rate limited.")
            .Errors(ObservabilityErrors.NotReady);
        return app;
    }

    private static async Task<Results<Ok<ReadyStatus>, ApiErrorResult>> Ready(DataPlanes planes, ILoggerFactory logs, CancellationToken ct)
    {
        var checks = new Dictionary<string, string>(StringComparer.Ordinal);
        var failed = new List<string>();
        foreach (var plane in Enum.GetValues<Plane>())
        {
            var name = RepurchMetrics.PlaneName(plane);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(CheckTimeout);
            try
            {
                await using var connection = await planes.For(plane).OpenConnectionAsync(timeout.Token);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(timeout.Token);
                checks[name] = "ok";
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is NpgsqlException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
            {
                logs.CreateLogger("Repurch.Api.Readiness").LogWarning(e, "The {Plane} database is not answering", name);
                checks[name] = "unavailable";
                failed.Add($"{name}_database_unavailable");
            }
        }
        if (failed.Count > 0)
            return ObservabilityErrors.NotReady.Result($"Not ready: {string.Join(", ", failed)}.", failed);
        return TypedResults.Ok(new ReadyStatus("ready", checks));
    }
}
