using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Repurch.Api.RateLimiting;

namespace Repurch.Api.OpenApi;

public static class OpenApiSetup
{
    /// <summary>
    /// The servers in the document, the same on every host. Live and sandbox are one host: the key
    /// picks the plane. The reference page at /docs lists the origin that serves it before these
    /// (<see cref="ApiReferencePage"/>).
    /// </summary>
    public static readonly (string Url, string Description)[] PublicServers =
    [
        ("https://api.repurch.com", "Sandbox (re_pk_test_… keys) and live (re_pk_live_… keys)"),
    ];

    /// <summary>The <c>v1</c> document, served at <c>/openapi/v1.json</c>.</summary>
    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services)
    {
        services.AddOpenApi("v1", o => Configure(o));
        return services;
    }

    public static void Configure(OpenApiOptions o)
    {
        o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info = new OpenApiInfo
            {
                Title = "Repurch API",
                Version = "v1",
                Description = "Multi-brand resale marketplace API. Authenticate with `Authorization: Bearer <key>` using an API key (`re_pk_live_…` live, `re_pk_test_…` sandbox) or an access token from `POST /v1/auth/token`. Errors use one shape: `{\"code\", \"message\", \"data\": {\"status\", \"errors\"?}}`.",
            };
            doc.Servers = [.. PublicServers.Select(s => new OpenApiServer { Url = s.Url, Description = s.Description })];
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key (`re_pk_live_…`, `re_pk_test_…` for the sandbox plane) or an access token from `POST /v1/auth/token`.",
            };
            doc.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", doc)] = [] }];
            return Task.CompletedTask;
        });
        RateLimitOpenApi.Configure(o);
        IdempotencyDocs.Add(o);
        WebhookDocs.Add(o);
        // Money is decimal, written as a plain JSON number by MoneyConverter.
        o.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(decimal) || type == typeof(decimal?))
            {
                schema.Type = type == typeof(decimal) ? JsonSchemaType.Number : JsonSchemaType.Number | JsonSchemaType.Null;
                schema.Format = "decimal";
            }
            return Task.CompletedTask;
        });
    }
}
