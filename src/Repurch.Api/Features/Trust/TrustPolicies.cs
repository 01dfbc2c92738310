using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Trust;

/// <summary>Each brand's <see cref="TrustPolicy"/>, read from <c>trust_policies</c> (the default when it has none).</summary>
/// <remarks>
/// Read on every screening rather than cached: it is one primary-key look-up on a connection the
/// caller already holds, and a brand's change then applies on every node at once.
/// </remarks>
public sealed class TrustPolicies
{
    /// <summary>The brand's policy; <paramref name="db"/> has the brand session (row-level security hides other brands).</summary>
    public async Task<TrustPolicy> GetAsync(RepurchDb db, string brandId, CancellationToken ct)
    {
        var row = await db.TrustPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.BrandId == brandId, ct);
        return row is null ? TrustPolicy.Default : Of(row);
    }

    /// <summary>The policy a stored row describes: the default actions overlaid with the brand's own.</summary>
    public static TrustPolicy Of(BrandTrustPolicy row)
    {
        var actions = new Dictionary<string, ScreeningVerdict>(TrustPolicy.Default.Actions, StringComparer.Ordinal);
        foreach (var (reason, action) in ReadActions(row.Actions))
            actions[reason] = action;
        return new TrustPolicy(row.AllowedDomains, actions);
    }

    /// <summary>The brand's own actions (reason to hold or block) from the stored JSON object; unknown entries are skipped.</summary>
    public static Dictionary<string, ScreeningVerdict> ReadActions(string json)
    {
        var actions = new Dictionary<string, ScreeningVerdict>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (!ScreeningReasons.All.Contains(p.Name) || p.Value.ValueKind != JsonValueKind.String) continue;
            if (p.Value.GetString() == ScreeningVerdicts.Hold) actions[p.Name] = ScreeningVerdict.Hold;
            else if (p.Value.GetString() == ScreeningVerdicts.Block) actions[p.Name] = ScreeningVerdict.Block;
        }
        return actions;
    }

    public static string WriteActions(IReadOnlyDictionary<string, ScreeningVerdict> actions) =>
        JsonSerializer.Serialize(ScreeningReasons.All.Where(actions.ContainsKey).ToDictionary(r => r, r => actions[r].Wire()));
}
