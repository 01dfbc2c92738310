namespace Repurch.Api.Features.Taxonomy;

/// <summary>The option lists a listing is validated against (GET /v1/listings/options).</summary>
public sealed record ListingOptions(
    IReadOnlyList<string> Brands,
    IReadOnlyList<string> Colours,
    IReadOnlyList<string> Fabrics,
    IReadOnlyList<string> Ages,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> ItemTypes,
    IReadOnlyList<ConditionOption> Conditions,
    IReadOnlyList<LabelledOption> Exposures,
    IReadOnlyList<LabelledOption> Faults);
