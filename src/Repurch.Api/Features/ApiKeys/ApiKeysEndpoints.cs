namespace Repurch.Api.Features.ApiKeys;

/// <summary>Partner self-service for credentials under /v1/partner/settings/api-keys.</summary>
public static class ApiKeysEndpoints
{
    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder app) => app;
}
