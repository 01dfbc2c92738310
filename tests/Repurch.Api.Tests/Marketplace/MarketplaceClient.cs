using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Cli;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Marketplace;

/// <summary>Helpers for tests that look through the main marketplace's read path.</summary>
public static class MarketplaceClient
{
    /// <summary>A marketplace key (role marketplace, read scope) on a fresh test brand.</summary>
    public static async Task<HttpClient> CreateAsync(ApiFactory api)
    {
        var market = await TestBrand.CreateAsync(api.Planes);
        await using var db = api.Planes.Open(Plane.Live, market.Id);
        var key = await ApiKeyIssuer.CreateAsync(db, market.Id, Plane.Live, Roles.Marketplace, [Scopes.Read], "mk");
        return api.ClientWith(key);
    }

    /// <summary>
    /// The ids the marketplace shows for one brand, newest first. The marketplace sees every brand in
    /// the shared test database, so assertions always filter by brand.
    /// </summary>
    public static async Task<long[]> IdsAsync(HttpClient marketplace, string brandId, string? category = null)
    {
        var url = $"/v1/marketplace/listings?per_page=100&brand_id={Uri.EscapeDataString(brandId)}";
        if (category is not null) url += $"&category={Uri.EscapeDataString(category)}";
        var response = await marketplace.GetAsync(url);
        var body = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToArray();
    }

    public static string CreateBody(string category, string title = "Marketplace test sofa", string status = "active") =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["title"] = title, ["price_gbp"] = 450, ["condition"] = "excellent", ["category"] = category, ["status"] = status,
        });

    /// <summary>Sets a listing's status directly (the API only creates active and draft listings).</summary>
    public static async Task SetStatusAsync(ApiFactory api, string brandId, long id, string status)
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        Assert.Equal(1, await db.Listings.Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, status)));
    }
}
