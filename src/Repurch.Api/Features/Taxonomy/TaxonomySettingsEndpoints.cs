namespace Repurch.Api.Features.Taxonomy;

/// <summary>Per-brand option lists and cross-listing rules under /v1/partner/settings/taxonomy and /cross-listing.</summary>
public static class TaxonomySettingsEndpoints
{
    public static IEndpointRouteBuilder MapTaxonomySettings(this IEndpointRouteBuilder app) => app;
}
