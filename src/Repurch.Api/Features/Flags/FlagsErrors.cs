using Repurch.Api.Errors;

namespace Repurch.Api.Features.Flags;

public static class FlagsErrors
{
    public static readonly ErrorCode FeatureNotFound = new(404, "feature_not_found",
        "No such feature flag: the name is not in the catalogue (GET /v1/partner/features lists them).", "Feature flag not found.");
    public static readonly ErrorCode BrandNotFound = new(404, "brand_not_found", "No brand has this id.", "Brand not found.");
}
