namespace Repurch.Api.Features.Flags;

/// <summary>One flag for one brand: off unless the operator turned it on.</summary>
public sealed record FeatureFlagView(string Name, string Description, bool Enabled, string? UpdatedAt);

public sealed record FeatureFlagList(string BrandId, IReadOnlyList<FeatureFlagView> Data);
