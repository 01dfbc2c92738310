using System.Globalization;
using System.Net;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Web;

/// <summary>A test brand's clearance storefront as the browser tests expect it (serialised into their fixture file).</summary>
public sealed record StorefrontBrand(string Id, string DisplayName, string Accent, string OnAccent, string ListingTitle, string ListingPath, string Price, string Rrp)
{
    /// <summary>Saves the brand's profile and lists one clearance sofa through the API; reads the theme the API computed.</summary>
    public static async Task<StorefrontBrand> CreateAsync(ApiFactory api, TestBrand brand, string name, string accent, string title, decimal price, decimal rrp)
    {
        var admin = api.ClientWith(brand.AdminKey);
        var saved = await admin.PatchJsonAsync("/v1/partner/settings/brand", JsonSerializer.Serialize(new
        {
            display_name = name, tagline = $"{name}: ex-display sofas at clearance prices", support_email = "help@example.com", accent_color = accent,
        }));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        var id = await Infrastructure.Listings.CreateAsync(admin, JsonSerializer.Serialize(new
        {
            title, description = "Ex-display, collected from our warehouse.", channel = "clearance",
            price_gbp = price, rrp_gbp = rrp, condition = "like-new", category = "Corner Sofas", colour = "Grey", fabric = "Velvet",
            delivery_contribution_gbp = 60,
            measurements = new[] { new { dimension = "width", value_cm = 250 }, new { dimension = "depth", value_cm = 95 } },
        }));
        var listing = await (await admin.GetAsync($"/v1/listings/{id}")).JsonAsync();
        var profile = await (await api.ClientWith(brand.StorefrontKey).GetAsync("/v1/storefront/profile")).JsonAsync();
        return new StorefrontBrand(brand.Id, name, accent, profile.GetProperty("theme").GetProperty("on_accent").GetString()!.ToUpperInvariant(),
            title, new Uri(listing.GetProperty("url").GetString()!).AbsolutePath, Pounds(price), Pounds(rrp));
    }

    private static string Pounds(decimal value) => "£" + value.ToString("#,0", CultureInfo.InvariantCulture);
}
