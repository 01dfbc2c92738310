using Microsoft.FeatureManagement;

namespace Repurch.Api.Features.Flags;

public static class FlagsSetup
{
    /// <summary>Microsoft.FeatureManagement with the catalogue as its definitions and the per-brand filter.</summary>
    public static IServiceCollection AddFlags(this IServiceCollection services)
    {
        services.AddSingleton<IFeatureDefinitionProvider, CatalogueFeatureDefinitions>();
        services.AddFeatureManagement().AddFeatureFilter<BrandFeatureFilter>();
        services.AddSingleton<BrandFlags>();
        return services;
    }
}
