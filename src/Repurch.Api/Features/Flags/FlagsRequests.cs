namespace Repurch.Api.Features.Flags;

/// <summary>PUT /v1/operator/brands/{brand_id}/features/{name}: turn the flag on or off for the brand.</summary>
public sealed record FeatureFlagWrite(bool Enabled);
