using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Flags;

/// <summary>What a flag is evaluated for: one brand, read through a database session of that brand.</summary>
public sealed record BrandFeatureContext(RepurchDb Db, string BrandId);
