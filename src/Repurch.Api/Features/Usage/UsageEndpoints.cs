using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.Observability;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Usage;

/// <summary><c>GET /v1/partner/usage</c>: the calling partner's own traffic over the last 24 hours, from <c>request_usage</c>.</summary>
public static class UsageEndpoints
{
    public static IEndpointRouteBuilder MapUsage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/partner/usage", Get).WithTags("Usage").RequireAuthorization(Policies.PartnerRead)
            .WithName("GetUsage").WithSummary("Your API usage over the last 24 hours")
            .WithDescription(
                "The calling brand's own requests on this environment (a live key sees live traffic, a sandbox key sandbox traffic) in the current UTC hour " +
                "and the 23 before it: request count, `4xx` and `5xx` errors and their rates (errors / requests), and the 95th-percentile latency, in total, " +
                "per hour (all 24, oldest first, zeros included) and per route (`METHOD /pattern`, busiest first). Every authenticated request counts, " +
                "rejected ones (`401` excepted: the brand is not known yet) included. Nodes write their counts every few seconds, so the newest requests " +
                "may take that long to appear. Latency is measured inside the API and kept in fixed buckets (upper bounds in `latency_buckets_ms`, plus one " +
                "open bucket above the last): `p95_latency_ms` is interpolated within the bucket that holds the 95th percentile, so it is exact to that " +
                "bucket's width, and above the last bound it reports the last bound. `null` when there were no requests.")
            .Errors(CommonErrors.Auth);
        return app;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<UsageReport>> Get(HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await UsageReports.BuildAsync(db, http.Caller(), clock, ct));
}
