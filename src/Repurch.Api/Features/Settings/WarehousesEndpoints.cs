namespace Repurch.Api.Features.Settings;

/// <summary>The warehouse address book under /v1/partner/settings/warehouses.</summary>
public static class WarehousesEndpoints
{
    public static IEndpointRouteBuilder MapWarehouses(this IEndpointRouteBuilder app) => app;
}
