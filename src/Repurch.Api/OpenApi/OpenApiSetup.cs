using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Repurch.Api.OpenApi;

public static class OpenApiSetup
{
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
            doc.Servers = [new OpenApiServer { Url = "https://api.repurch.com" }];
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key or an access token.",
            };
            return Task.CompletedTask;
        });
    }
}
