using Microsoft.AspNetCore.Diagnostics;
using Repurch.Api.Authentication;
using Repurch.Api.Configuration;
using Repurch.Api.Errors;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Accounts;
using Repurch.Api.Features.ApiKeys;
using Repurch.Api.Features.Audit;
using Repurch.Api.Features.Auth;
using Repurch.Api.Features.Bulk;
using Repurch.Api.Features.Conversations;
using Repurch.Api.Features.Credits;
using Repurch.Api.Features.Disputes;
using Repurch.Api.Features.Flags;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Marketplace;
using Repurch.Api.Features.Media;
using Repurch.Api.Features.Money;
using Repurch.Api.Features.Moderation;
using Repurch.Api.Features.Settings;
using Repurch.Api.Features.Storefront;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Features.Trust;
using Repurch.Api.Features.GraphQL;
using Repurch.Api.Features.Usage;
using Repurch.Api.Features.Webhooks;
using Repurch.Api.Idempotency;
using Repurch.Api.Observability;
using Repurch.Api.OpenApi;
using Repurch.Api.Payments;
using Repurch.Api.Persistence;
using Repurch.Api.RateLimiting;
using Repurch.Api.Storage;
using Scalar.AspNetCore;

namespace Repurch.Api;

public static class RepurchApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(k =>
        {
            // JSON bodies are capped per endpoint; this is the outer bound for every request.
            k.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
            k.AddServerHeader = false;
        });
        if (builder.Configuration["PORT"] is { Length: > 0 } port && builder.Configuration["ASPNETCORE_URLS"] is null && builder.Configuration["urls"] is null)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        AddServices(builder.Services, builder.Configuration);

        var app = builder.Build();
        // A wrong setting stops the node here with one line, before anything is served.
        app.Services.ValidateSettings();
        UsePipeline(app);
        return app;
    }

    /// <summary>Every area registers itself; each reads its settings through its options class, checked at startup.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.ConfigureHttpJsonOptions(o => Http.Json.Configure(o.SerializerOptions));
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddPersistence();
        services.AddBearerAuthentication();
        services.AddAccounts();
        services.AddListings();
        services.AddSingleton<IDomainTxtLookup, DnsTxtLookup>();
        services.AddBulk();
        services.AddObjectStore();
        services.AddMoney();
        services.AddCredits();
        services.AddDisputes();
        services.AddFlags();
        services.AddPayments();
        services.AddRateLimits();
        services.AddWebhooks();
        services.AddTrust();
        services.AddConversations();
        services.AddGraphQLApi();
        services.AddObservability(config);
        services.AddOpenApiDocument();
    }

    /// <summary>The response header that carries the request id partners quote to support.</summary>
    public const string RequestIdHeader = "Request-Id";

    public static void UsePipeline(WebApplication app)
    {
        // Every answer names its request (the log lines' request_id), errors included: set as the
        // response starts, so the exception handler clearing the headers does not lose it.
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                http.Response.Headers[RequestIdHeader] = http.TraceIdentifier;
                return Task.CompletedTask;
            });
            return next(http);
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async http =>
            {
                var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
                var result = error is BadHttpRequestException bad
                    ? (bad.StatusCode == 413 ? CommonErrors.PayloadTooLarge : CommonErrors.BadRequest.AtStatus(bad.StatusCode)).Result("The request could not be read.")
                    : CommonErrors.InternalError.Result();
                await result.ExecuteAsync(http);
            },
            // A request Kestrel could not read (too large, broken framing) is the client's mistake and is
            // answered with its own 4xx: no error-level stack trace for it. The request log line still records it.
            SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            var result = http.Response.StatusCode switch
            {
                404 => CommonErrors.NotFound.Result(),
                405 => CommonErrors.MethodNotAllowed.Result(),
                415 => Problems.UnsupportedMediaType(),
                var s => CommonErrors.Error.AtStatus(s).Result(),
            };
            await result.ExecuteAsync(http);
        });
        // Uploaded photos are public, like a CDN's: served before authentication and rate limits.
        app.UseLocalMedia();
        app.UseAuthentication();
        // Knows the partner from here on: brand-tagged traces, metrics, log scope and usage, around every later answer (429s included).
        app.UseMiddleware<RequestTelemetryMiddleware>();
        // Per partner (brand + plane) once the caller is known; by remote address before that.
        app.UseRateLimits();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference(ApiReferencePage.Path, ApiReferencePage.Configure);
        app.MapPostmanFiles();
        app.MapGet("/", () => TypedResults.Redirect("/docs")).ExcludeFromDescription();
        app.MapHealth();
        app.MapMetrics();

        app.MapAuth();
        app.MapAccounts();
        app.MapListings();
        app.MapMyListings();
        app.MapBulk();
        app.MapMedia();
        app.MapBrandSettings();
        app.MapWarehouses();
        app.MapDomainSettings();
        app.MapStorefront();
        app.MapMarketplaceDomains();
        app.MapApiKeys();
        app.MapTaxonomySettings();
        app.MapMarketplaceListings();
        app.MapAuditLog();
        app.MapWebhookEndpoints();
        app.MapEvents();
        app.MapUsage();
        app.MapGraphQLApi();
        app.MapOrders();
        app.MapBrandOrders();
        app.MapBuyerOrders();
        app.MapPayPalWebhook();
        app.MapCredits();
        app.MapReports();
        app.MapDisputes();
        app.MapFlags();
        app.MapBuyerDisputes();
        app.MapTrust();
        app.MapTrustSettings();
        app.MapConversations();
        app.MapBrandConversations();
        app.MapModeration();
    }
}
