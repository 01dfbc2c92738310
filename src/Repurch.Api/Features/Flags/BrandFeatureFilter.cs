using Microsoft.EntityFrameworkCore;
using Microsoft.FeatureManagement;

namespace Repurch.Api.Features.Flags;

/// <summary>
/// Microsoft.FeatureManagement's filter for per-brand flags: on when the brand's row says so. Row-level
/// security keeps the read to the session's brand, so a context for one brand cannot see another's.
/// </summary>
[FilterAlias(Alias)]
public sealed class BrandFeatureFilter : IContextualFeatureFilter<BrandFeatureContext>
{
    public const string Alias = "Brand";

    public async Task<bool> EvaluateAsync(FeatureFilterEvaluationContext feature, BrandFeatureContext brand) =>
        await brand.Db.BrandFeatureFlags.AnyAsync(f => f.BrandId == brand.BrandId && f.Name == feature.FeatureName && f.Enabled);
}
