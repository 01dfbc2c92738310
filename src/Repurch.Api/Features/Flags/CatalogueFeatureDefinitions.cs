using Microsoft.FeatureManagement;

namespace Repurch.Api.Features.Flags;

/// <summary>Every catalogue flag as a feature enabled for the brands whose row turns it on (<see cref="BrandFeatureFilter"/>).</summary>
public sealed class CatalogueFeatureDefinitions : IFeatureDefinitionProvider
{
    private static readonly Dictionary<string, FeatureDefinition> Definitions = FeatureCatalogue.Descriptions.Keys.ToDictionary(
        name => name,
        name => new FeatureDefinition { Name = name, EnabledFor = [new FeatureFilterConfiguration { Name = BrandFeatureFilter.Alias }] });

    public Task<FeatureDefinition?> GetFeatureDefinitionAsync(string featureName) =>
        Task.FromResult(Definitions.GetValueOrDefault(featureName));

    public async IAsyncEnumerable<FeatureDefinition> GetAllFeatureDefinitionsAsync()
    {
        foreach (var definition in Definitions.Values) yield return definition;
        await Task.CompletedTask;
    }
}
