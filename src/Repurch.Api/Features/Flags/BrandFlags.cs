using Microsoft.EntityFrameworkCore;
using Microsoft.FeatureManagement;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Flags;

/// <summary>
/// The public face of per-brand flags for other features and the CLI: whether a flag is on for a brand
/// (through Microsoft.FeatureManagement), every flag's state, and switching one.
/// </summary>
public sealed class BrandFlags(IFeatureManager features)
{
    public Task<bool> IsEnabledAsync(RepurchDb db, string brandId, string flag) =>
        features.IsEnabledAsync(flag, new BrandFeatureContext(db, brandId));

    /// <summary>Every catalogue flag for the session's brand, by name; a flag without a row is off.</summary>
    public static async Task<IReadOnlyList<(string Name, bool Enabled, DateTimeOffset? UpdatedAt)>> ListAsync(RepurchDb db, string brandId, CancellationToken ct)
    {
        var rows = await db.BrandFeatureFlags.Where(f => f.BrandId == brandId).ToDictionaryAsync(f => f.Name, ct);
        return FeatureCatalogue.Descriptions.Keys.Order(StringComparer.Ordinal)
            .Select(name => rows.TryGetValue(name, out var row) ? (name, row.Enabled, (DateTimeOffset?)row.UpdatedAt) : (name, false, null))
            .ToList();
    }

    /// <summary>Switches a catalogue flag for the session's brand; answers the state it had before (false when it had no row).</summary>
    public static async Task<bool> SetAsync(RepurchDb db, string brandId, string flag, bool enabled, DateTimeOffset now, CancellationToken ct)
    {
        // The brand lock serialises two first switches of one flag (both would insert otherwise).
        await Locks.LockBrandAsync(db, ct);
        var row = await db.BrandFeatureFlags.AsTracking().FirstOrDefaultAsync(f => f.BrandId == brandId && f.Name == flag, ct);
        var before = row?.Enabled ?? false;
        if (row is null) db.BrandFeatureFlags.Add(new BrandFeatureFlag { BrandId = brandId, Name = flag, Enabled = enabled, UpdatedAt = now });
        else if (row.Enabled != enabled) (row.Enabled, row.UpdatedAt) = (enabled, now);
        return before;
    }
}
