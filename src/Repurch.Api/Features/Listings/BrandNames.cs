using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Listings;

/// <summary>
/// The context brand's display name, shown as the seller of its own listings. Brand names change
/// rarely and every detail response shows one, so they are cached for a few minutes per plane
/// instead of costing a query per request.
/// </summary>
public static class BrandNames
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, Plane), (string Name, DateTimeOffset At)> Cache = new();

    public static async Task<string> GetAsync(RepurchDb db, CancellationToken ct)
    {
        var key = (db.BrandId ?? "", db.Plane);
        if (Cache.TryGetValue(key, out var hit) && DateTimeOffset.UtcNow - hit.At < TimeSpan.FromMinutes(5)) return hit.Name;
        var name = await db.Brands.Select(b => b.Name).FirstOrDefaultAsync(ct) ?? "";
        Cache[key] = (name, DateTimeOffset.UtcNow);
        return name;
    }
}
