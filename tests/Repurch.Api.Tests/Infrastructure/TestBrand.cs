using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Cli;
using Repurch.Api.Persistence;

namespace Repurch.Api.Tests.Infrastructure;

/// <summary>A brand of its own for one test, with a key of every kind on both planes.</summary>
public sealed record TestBrand(
    string Id, string AdminKey, string ReadOnlyKey, string WriteOnlyKey, string MemberKey, string SandboxAdminKey, long SellerId)
{
    /// <summary>The brand's storefront server key (role storefront, read+write): signs consumers up and in.</summary>
    public string StorefrontKey { get; init; } = "";

    public static async Task<TestBrand> CreateAsync(DataPlanes planes)
    {
        var id = $"t-{Guid.NewGuid():N}"[..14];
        long sellerId = 0;
        foreach (var plane in Enum.GetValues<Plane>())
        {
            await using var db = planes.Open(plane, id);
            db.Brands.Add(new Brand { Id = id, Name = $"Test brand {id}", CreatedAt = DateTimeOffset.UtcNow });
            var seller = new Seller { BrandId = id, DisplayName = "Sam Patel", CreatedAt = DateTimeOffset.UtcNow };
            db.Sellers.Add(seller);
            await db.SaveChangesAsync();
            if (plane == Plane.Live) sellerId = seller.Id;
        }
        await using var live = planes.Open(Plane.Live, id);
        await using var sandbox = planes.Open(Plane.Sandbox, id);
        return new TestBrand(
            id,
            await ApiKeyIssuer.CreateAsync(live, id, Plane.Live, Roles.Admin, [Scopes.Read, Scopes.Write], "admin"),
            await ApiKeyIssuer.CreateAsync(live, id, Plane.Live, Roles.Admin, [Scopes.Read], "read only"),
            await ApiKeyIssuer.CreateAsync(live, id, Plane.Live, Roles.Admin, [Scopes.Write], "write only"),
            await ApiKeyIssuer.CreateAsync(live, id, Plane.Live, Roles.Member, [Scopes.Read, Scopes.Write], "member"),
            await ApiKeyIssuer.CreateAsync(sandbox, id, Plane.Sandbox, Roles.Admin, [Scopes.Read, Scopes.Write], "sandbox admin"),
            sellerId)
        {
            StorefrontKey = await ApiKeyIssuer.CreateAsync(live, id, Plane.Live, Roles.Storefront, [Scopes.Read, Scopes.Write], "storefront"),
        };
    }

    /// <summary>A consumer's trade-in listed under this brand: readable by the brand, not modifiable.</summary>
    public async Task<long> AddTradeInAsync(DataPlanes planes)
    {
        await using var db = planes.Open(Plane.Live, Id);
        var listing = new Listing
        {
            BrandId = Id, OwnerType = "seller", SellerId = SellerId, Title = "Trade-in grey fabric 3-seater sofa",
            Channel = "exchange", RegularPrice = 350m, Condition = "gently-used", Category = "3-Seater Sofas",
            Faults = ["None"], Slug = "trade-in-grey-fabric-3-seater-sofa", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Listings.Add(listing);
        await db.SaveChangesAsync();
        return listing.Id;
    }

    public async Task<int> CountListingsAsync(DataPlanes planes, Plane plane = Plane.Live)
    {
        await using var db = planes.Open(plane, Id);
        return await db.Listings.CountAsync();
    }
}
