using Scalar.AspNetCore;

namespace Repurch.Api.OpenApi;

/// <summary>
/// The interactive reference at <c>/docs</c> (Scalar), configured per request: its "try it" calls go
/// first to the origin that served the page, so the page from a local <c>./run</c> calls that
/// <c>./run</c> and not production. The served and committed OpenAPI document keeps only the public
/// servers (<see cref="OpenApiSetup.PublicServers"/>), so it is the same whichever host serves it.
/// </summary>
public static class ApiReferencePage
{
    public const string Path = "/docs";

    public static void Configure(ScalarOptions o, HttpContext http)
    {
        o.WithTitle("Repurch API").WithOpenApiRoutePattern("/openapi/{documentName}.json");
        var origin = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        // Assigned, not added to: the options may outlive one request.
        o.Servers =
        [
            new ScalarServer(origin, "This server (the one serving this page)"),
            .. OpenApiSetup.PublicServers
                .Where(s => !string.Equals(s.Url, origin, StringComparison.OrdinalIgnoreCase))
                .Select(s => new ScalarServer(s.Url, s.Description)),
        ];
        // Scalar's own products have nothing to do with Repurch: its API client app ("Open in
        // client"), its AI agent and MCP offers, the developer toolbar (share/deploy to Scalar's
        // registry) and the usage telemetry sent to Scalar.
        o.HideClientButton = true;
        o.DisableAgent();
        o.DisableMcp();
        o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
        o.DisableTelemetry();
    }
}
