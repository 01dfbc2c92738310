namespace Repurch.Api.Features.Settings;

/// <summary>GET/PATCH /v1/partner/settings/brand and /v1/partner/settings/billing.</summary>
public static class BrandSettingsEndpoints
{
    public static IEndpointRouteBuilder MapBrandSettings(this IEndpointRouteBuilder app) => app;
}
