using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Storage;

namespace Repurch.Api.Cli;

/// <summary>
/// The demo brands' public profiles (what storefronts are themed from) and their logos: small SVG
/// wordmarks in the brand's accent colour, written to the object store so <c>./run</c> serves them.
/// </summary>
public static class DemoBrandProfiles
{
    public sealed record Profile(string DisplayName, string Tagline, string Description, string SupportEmail, string SupportPhone, string AccentColor);

    // Emails on .example and phones in Ofcom's drama ranges (0115 555 0123 is the API reference's own example).
    public static readonly IReadOnlyDictionary<string, Profile> ByBrand = new Dictionary<string, Profile>
    {
        ["furniture-co"] = new("Furniture Co", "Premium British sofas, made to last.",
            "Furniture Co has been crafting sofas in Long Eaton since 1972. Ex-display, end-of-line and customer trade-in pieces are checked by our own upholsterers before they are listed, and delivered by a two-person team.",
            "support@furnitureco.example", "0115 555 0123", "#1F4FD9"),
        ["brand-b"] = new("Brand B Home", "Modern sofas for real homes.",
            "Brand B Home designs compact, modular sofas for flats and family rooms. Our clearance corner has showroom models and discontinued fabrics at up to half price, each with the same 12-month frame guarantee.",
            "hello@brandbhome.example", "0161 496 0742", "#C2410C"),
        ["sofalistic"] = new("Sofalistic", "The UK marketplace for pre-loved and clearance sofas.",
            "Sofalistic brings together clearance stock and trade-ins from the UK's sofa brands in one place. Every listing comes from a verified partner, payment is held in escrow until your sofa arrives, and delivery is by two-person teams.",
            "help@sofalistic.example", "020 7946 0321", "#0F766E"),
    };

    /// <summary>
    /// Fills the brand's profile when no partner has saved one, on this plane. display_name is
    /// required on the first save and can never be cleared, so a null one means the profile was
    /// never saved; a saved profile is left exactly as the partner made it. <paramref name="logoUrl"/>
    /// stores the logo, and is only called when the profile is filled.
    /// </summary>
    public static async Task FillAsync(RepurchDb db, string brandId, Func<Task<string>> logoUrl)
    {
        if (!ByBrand.TryGetValue(brandId, out var p)) return;
        var profile = await db.BrandProfiles.AsTracking().FirstOrDefaultAsync(x => x.BrandId == brandId);
        if (profile is { DisplayName: not null }) return;
        if (profile is null) db.BrandProfiles.Add(profile = new BrandProfile { BrandId = brandId });
        profile.DisplayName = p.DisplayName;
        profile.Tagline = p.Tagline;
        profile.Description = p.Description;
        profile.SupportEmail = p.SupportEmail;
        profile.SupportPhone = p.SupportPhone;
        profile.AccentColor = p.AccentColor;
        profile.LogoUrl = await logoUrl();
        profile.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Stores the brand's logo and returns its public URL. The key carries a hash of the bytes:
    /// objects are served as immutable, so a redrawn logo gets a new URL instead of a stale cache.
    /// </summary>
    public static async Task<string> StoreLogoAsync(IObjectStore store, string mediaBaseUrl, string brandId)
    {
        var svg = Encoding.UTF8.GetBytes(LogoSvg(ByBrand[brandId]));
        var key = $"{brandId}/brand/logo-{Convert.ToHexStringLower(SHA256.HashData(svg))[..12]}.svg";
        await store.PutAsync(key, svg, "image/svg+xml", CancellationToken.None);
        return $"{mediaBaseUrl}/{key}";
    }

    /// <summary>A rounded badge with the initials next to the name, in the accent colour; ASCII names only, so nothing needs escaping.</summary>
    public static string LogoSvg(Profile p)
    {
        var initials = string.Concat(p.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));
        var width = 88 + p.DisplayName.Length * 17;
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="64" viewBox="0 0 {width} 64" role="img" aria-label="{p.DisplayName}">
              <rect x="4" y="4" width="56" height="56" rx="12" fill="{p.AccentColor}"/>
              <text x="32" y="41" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="24" font-weight="700" fill="#FFFFFF">{initials}</text>
              <text x="74" y="42" font-family="Helvetica, Arial, sans-serif" font-size="28" font-weight="700" fill="{p.AccentColor}">{p.DisplayName}</text>
            </svg>
            """;
    }
}
