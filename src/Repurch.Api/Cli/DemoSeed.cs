using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Persistence;
using Repurch.Api.Storage;

namespace Repurch.Api.Cli;

/// <summary>
/// Demo data for <c>./run</c>: three brands on both planes with about 100 sofa listings each, their
/// public profiles and logos (<see cref="DemoBrandProfiles"/>), and consumer trade-ins for
/// furniture-co by sellers who are accounts (<see cref="DemoAccounts"/>: their passwords printed once). Idempotent: a brand that already exists keeps its data, and its profile is only
/// filled while no partner has saved one (so databases seeded before profiles existed get them too).
/// </summary>
public static class DemoSeed
{
    public sealed record DemoBrand(string Id, string Name, bool IsMarketplace, int Seed);

    public static readonly DemoBrand[] Brands =
    [
        new("furniture-co", "Furniture Co", false, 11),
        new("brand-b", "Brand B Home", false, 22),
        new("sofalistic", "Sofalistic", true, 33),
    ];

    private static readonly string[] Styles = ["Carlton", "Belmont", "Linden", "Aria", "Harlow", "Kensington", "Marlow", "Oslo", "Chester", "Camden", "Ashby", "Brompton"];
    private static readonly string[] SellerNames = ["Sam Patel", "Olivia Hughes", "Tom Clarke", "Priya Shah", "Jack Evans", "Amelia Wright", "Noah Green", "Isla Turner"];

    /// <summary>
    /// Seeds both planes; returns true when it created a brand or a seller account (and printed their keys or passwords). Logos go
    /// to <paramref name="store"/> and are linked as <paramref name="mediaBaseUrl"/>/key.
    /// </summary>
    public static async Task<bool> RunAsync(DataPlanes planes, IObjectStore store, string mediaBaseUrl, TextWriter output, int listingsPerBrand = 100)
    {
        var created = false;
        var logos = new Dictionary<string, string>();
        foreach (var plane in Enum.GetValues<Plane>())
        {
            foreach (var brand in Brands)
            {
                await using var db = planes.Open(plane, brand.Id);
                if (!await db.Brands.AnyAsync())
                {
                    await CreateAsync(db, plane, brand, output, listingsPerBrand);
                    created = true;
                }
                // Demo sellers are accounts (databases seeded before accounts existed get them too).
                if (await DemoAccounts.EnsureAsync(db, plane, brand.Id, output)) created = true;
                // Both planes link the same stored logo, written the first time a profile needs it.
                await DemoBrandProfiles.FillAsync(db, brand.Id, async () =>
                    logos.TryGetValue(brand.Id, out var url) ? url : logos[brand.Id] = await DemoBrandProfiles.StoreLogoAsync(store, mediaBaseUrl, brand.Id));
            }
        }
        return created;
    }

    /// <summary>The brand with its listings (and sellers, and on the sandbox plane a key) in one transaction.</summary>
    private static async Task CreateAsync(RepurchDb db, Plane plane, DemoBrand brand, TextWriter output, int listingsPerBrand)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Brands.Add(new Brand { Id = brand.Id, Name = brand.Name, IsMarketplace = brand.IsMarketplace, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        var sellers = new List<Seller>();
        if (brand.Id == "furniture-co")
        {
            sellers.AddRange(SellerNames.Select(n => new Seller { BrandId = brand.Id, DisplayName = n, CreatedAt = DateTimeOffset.UtcNow }));
            db.Sellers.AddRange(sellers);
            await db.SaveChangesAsync();
        }
        db.Listings.AddRange(Listings(brand, sellers, listingsPerBrand, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        string? key = null;
        if (plane == Plane.Sandbox)
        {
            key = await ApiKeyIssuer.CreateAsync(db, brand.Id, plane, brand.IsMarketplace ? Roles.Marketplace : Roles.Admin, [Scopes.Read, Scopes.Write], "demo sandbox key");
        }
        await tx.CommitAsync();
        if (key is not null) output.WriteLine($"sandbox key for {brand.Id} ({(brand.IsMarketplace ? Roles.Marketplace : Roles.Admin)}, read+write, shown once): {key}");
    }

    public static IEnumerable<Listing> Listings(DemoBrand brand, IReadOnlyList<Seller> sellers, int count, DateTimeOffset now)
    {
        var rng = new Random(brand.Seed);
        var o = PlatformTaxonomy.Defaults;
        string Pick(IReadOnlyList<string> values) => values[rng.Next(values.Count)];
        var statuses = new[] { "active", "active", "active", "active", "active", "active", "draft", "closed" };
        for (var i = 0; i < count; i++)
        {
            var category = o.Categories[i % o.Categories.Count];
            var colour = Pick(o.Colours.Where(c => c != "Other").ToArray());
            var fabric = Pick(o.Fabrics.Where(f => f != "Other").ToArray());
            var manufacturer = Pick(o.Brands);
            var style = Styles[rng.Next(Styles.Length)];
            var title = $"{style} {colour.ToLowerInvariant()} {fabric.ToLowerInvariant()} {Singular(category)}";
            var regular = Math.Round((decimal)(149 + rng.Next(0, 2200)), 0);
            var onSale = rng.Next(3) == 0;
            var tradeIn = sellers.Count > 0 && i % 8 == 5;
            var slug = ListingInput.Slugify(title);
            yield return new Listing
            {
                BrandId = brand.Id,
                OwnerType = tradeIn ? "seller" : "brand",
                SellerId = tradeIn ? sellers[i % sellers.Count].Id : null,
                Title = title,
                Description = $"{style} {Singular(category)} by {manufacturer} in {colour.ToLowerInvariant()} {fabric.ToLowerInvariant()}. Collected from our warehouse or delivered by a two-person team.",
                Channel = tradeIn || i % 3 == 0 ? "exchange" : "clearance",
                Status = tradeIn ? "active" : statuses[i % statuses.Length],
                RegularPrice = regular,
                SalePrice = onSale ? Math.Round(regular * 0.85m, 0) : null,
                Rrp = Math.Round(regular * 2.1m, 0),
                DeliveryContribution = PlatformTaxonomy.DeliveryContributions[i % 4],
                Condition = o.Conditions[i % o.Conditions.Count].Value,
                Category = category,
                ItemType = Pick(o.ItemTypes),
                Manufacturer = manufacturer,
                Colour = colour,
                Fabric = fabric,
                AgeYears = Pick(o.Ages),
                AvailableFrom = DateOnly.FromDateTime(now.UtcDateTime.AddDays(rng.Next(0, 30))),
                Quantity = 1 + (i % 5 == 0 ? rng.Next(1, 4) : 0),
                Measurements = $$"""[{"dimension":"width","value_cm":{{180 + rng.Next(0, 120)}}},{"dimension":"depth","value_cm":{{85 + rng.Next(0, 30)}}},{"dimension":"height","value_cm":{{78 + rng.Next(0, 20)}}}]""",
                ExposedTo = i % 6 == 0 ? ["Dogs"] : i % 11 == 0 ? ["Cats", "Smoke"] : ["None"],
                Faults = i % 9 == 0 ? ["Rips or tears"] : i % 4 == 0 ? ["Fire Label"] : ["None"],
                Images = [$"https://cdn.repurch.com/uploads/demo/{brand.Id}/{slug}-{i}.jpg", $"https://cdn.repurch.com/uploads/demo/{brand.Id}/{slug}-{i}-side.jpg"],
                Sku = tradeIn ? null : $"{brand.Id[..3].ToUpperInvariant()}-{i:0000}",
                WarehouseLocation = tradeIn ? null : $"Bay {1 + i % 20}-{(char)('A' + i % 6)}",
                ViewCount = rng.Next(0, 400),
                Slug = slug,
                CreatedAt = now.AddHours(-(count - i) * 7),
                UpdatedAt = now.AddHours(-(count - i) * 7 + 2),
            };
        }
    }

    private static string Singular(string category) => category switch
    {
        "Corner Sofas" => "corner sofa",
        "3-Seater Sofas" => "3-seater sofa",
        "2-Seater Sofas" => "2-seater sofa",
        "Sofa Beds" => "sofa bed",
        "Armchairs" => "armchair",
        "Footstools" => "footstool",
        "Sofa Sets" => "sofa set",
        _ => "sofa",
    };
}
