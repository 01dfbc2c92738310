using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Repurch.Api.RateLimiting;

/// <summary>Documents the rate limit on every operation: the 429 response and the headers every response carries.</summary>
public static class RateLimitOpenApi
{
    public const string Description =
        "Requests are limited per partner: brand and environment (live and sandbox keys have separate buckets); requests without a valid " +
        "credential are limited per remote address. Each bucket is a token bucket: up to `q` requests at once (the burst), refilled " +
        "continuously, so an empty bucket is full again after `w` seconds. A request that finds the bucket empty waits briefly (about a second, " +
        "in a short queue) for a token, then gets `429 rate_limited` with `Retry-After: <seconds>`. Every response carries the IETF httpapi " +
        "draft (draft-ietf-httpapi-ratelimit-headers) headers `RateLimit-Policy: \"default\";q=<burst>;w=<seconds to refill>` and " +
        "`RateLimit: \"default\";r=<requests remaining>;t=<seconds until the bucket is full>`. The policy name is `default`, `partner` " +
        "(a brand with its own limits) or `anonymous`.";

    public static void Configure(OpenApiOptions o)
    {
        o.AddDocumentTransformer((doc, _, _) =>
        {
            if (doc.Info is not null) doc.Info.Description = $"{doc.Info.Description}\n\n**Rate limits.** {Description}";
            doc.Components ??= new OpenApiComponents();
            doc.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
            doc.Components.Headers["Retry-After"] = Header("Seconds to wait before retrying.", JsonSchemaType.Integer);
            doc.Components.Headers[RateLimitMiddleware.PolicyHeader] = Header(
                "The caller's quota policy: `\"<policy>\";q=<burst>;w=<seconds for an empty bucket to refill>`, e.g. `\"default\";q=200;w=4`.",
                JsonSchemaType.String);
            doc.Components.Headers[RateLimitMiddleware.LimitHeader] = Header(
                "The caller's quota now: `\"<policy>\";r=<requests remaining>;t=<seconds until the bucket is full>`, e.g. `\"default\";r=199;t=1`.",
                JsonSchemaType.String);
            // Exempt paths (health checks) are not limited and carry no rate-limit headers.
            foreach (var operation in (doc.Paths ?? []).Where(p => !RateLimitMiddleware.IsExempt(p.Key))
                         .SelectMany(p => p.Value.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
            {
                operation.Responses ??= new OpenApiResponses();
                // An operation's own 429 codes (too_many_code_attempts) stay in front of the limiter's.
                var limited = $"`{RateLimitErrors.RateLimited.Code}`: {RateLimitErrors.RateLimited.Description}";
                var own = operation.Responses.TryGetValue("429", out var existing) ? existing.Description : null;
                operation.Responses["429"] = new OpenApiResponse
                {
                    Description = string.IsNullOrEmpty(own) ? limited : $"{own} {limited}",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = new OpenApiSchemaReference("ApiError", doc) },
                    },
                    Headers = new Dictionary<string, IOpenApiHeader>
                    {
                        ["Retry-After"] = new OpenApiHeaderReference("Retry-After", doc),
                    },
                };
                foreach (var response in operation.Responses.Values.OfType<OpenApiResponse>())
                {
                    response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    response.Headers[RateLimitMiddleware.PolicyHeader] = new OpenApiHeaderReference(RateLimitMiddleware.PolicyHeader, doc);
                    response.Headers[RateLimitMiddleware.LimitHeader] = new OpenApiHeaderReference(RateLimitMiddleware.LimitHeader, doc);
                }
            }
            return Task.CompletedTask;
        });
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };
}
