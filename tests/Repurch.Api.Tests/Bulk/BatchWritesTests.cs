using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Bulk;

/// <summary>The bulk worker's set-based insert must store exactly what EF's own insert stores.</summary>
public sealed class BatchWritesTests : ApiTest
{
    private static Listing Sample(string brandId, int i, DateTimeOffset now) => new()
    {
        BrandId = brandId, Title = $"Sofa {i}", Description = i == 0 ? null : "Nice, \"quoted\" {braces} and ünïcode",
        Channel = "clearance", RegularPrice = 599.99m + i, SalePrice = i == 1 ? 499.50m : null, Rrp = 1200m,
        DeliveryContribution = 30, Condition = "like-new", Category = "Corner Sofas", Colour = i == 2 ? null : "Grey",
        AvailableFrom = i == 1 ? new DateOnly(2026, 12, 1) : null, Quantity = 2 + i,
        Measurements = i == 1 ? """[{"label":"Width","value":"210cm"}]""" : "[]",
        ExposedTo = i == 1 ? ["Dogs", "Smoke, a little"] : [], Faults = ["None"], Images = i == 2 ? ["https://x.test/a.jpg", "https://x.test/{b}.jpg"] : [],
        Sku = i == 0 ? null : $"SKU-{i}", Slug = $"sofa-{i}", CreatedAt = now, UpdatedAt = now,
    };

    [Fact]
    public async Task Stores_every_column_as_EF_does_and_sets_the_ids_in_list_order()
    {
        var brand = await NewBrandAsync();
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var viaEf = Enumerable.Range(0, 3).Select(i => Sample(brand.Id, i, now)).ToList();
        var viaBatch = Enumerable.Range(0, 3).Select(i => Sample(brand.Id, i, now)).ToList();
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            db.Listings.AddRange(viaEf);
            await db.SaveChangesAsync();
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await BatchWrites.InsertAsync(db, viaBatch, CancellationToken.None);
            await tx.CommitAsync();
        }
        Assert.All(viaBatch, l => Assert.True(l.Id > viaEf[^1].Id));
        Assert.Equal(viaBatch.Select(l => l.Id).Order(), viaBatch.Select(l => l.Id));

        await using var read = Api.Planes.Open(Plane.Live, brand.Id);
        var stored = await read.Listings.Where(l => l.BrandId == brand.Id).OrderBy(l => l.Id).ToListAsync();
        Assert.Equal(6, stored.Count);
        string Columns(Listing l) => JsonSerializer.Serialize(l)
            .Replace($"\"Id\":{l.Id},", "");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Columns(stored[i]), Columns(stored[i + 3]));
            Assert.Equal(viaBatch[i].Id, stored[i + 3].Id);
            Assert.Equal($"Sofa {i}", stored[i + 3].Title);
        }
        Assert.Equal(["Dogs", "Smoke, a little"], stored[4].ExposedTo);
        Assert.Equal(["https://x.test/a.jpg", "https://x.test/{b}.jpg"], stored[5].Images);
    }

    [Fact]
    public async Task Row_level_security_still_applies_another_brands_rows_are_refused_and_nothing_is_written()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var now = DateTimeOffset.UtcNow;
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            var e = await Assert.ThrowsAsync<PostgresException>(() =>
                BatchWrites.InsertAsync(db, [Sample(brand.Id, 1, now), Sample(other.Id, 2, now)], CancellationToken.None));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
        }
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
        Assert.Equal(0, await other.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task Refuses_to_write_outside_a_transaction()
    {
        var brand = await NewBrandAsync();
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        await Assert.ThrowsAsync<InvalidOperationException>(() => BatchWrites.InsertAsync(db, [Sample(brand.Id, 1, DateTimeOffset.UtcNow)], CancellationToken.None));
    }

    [Fact]
    public async Task Update_writes_every_column_of_existing_rows_and_refuses_rows_it_cannot_see()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var now = DateTimeOffset.UtcNow;
        var mine = Enumerable.Range(0, 3).Select(i => Sample(brand.Id, i, now)).ToList();
        var theirs = Sample(other.Id, 9, now);
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            db.Listings.AddRange(mine);
            await db.SaveChangesAsync();
        }
        await using (var db = Api.Planes.Open(Plane.Live, other.Id))
        {
            db.Listings.Add(theirs);
            await db.SaveChangesAsync();
        }
        mine[0].Title = "Renamed";
        mine[1].ExposedTo = ["Cats"];
        mine[1].SalePrice = null;
        mine[2].Measurements = """[{"label":"Depth","value":"90cm"}]""";
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await BatchWrites.UpdateAsync(db, mine, CancellationToken.None);
            await tx.CommitAsync();
        }
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var stored = await db.Listings.OrderBy(l => l.Id).ToListAsync();
            Assert.Equal(["Renamed", "Sofa 1", "Sofa 2"], stored.Select(l => l.Title));
            Assert.Equal(["Cats"], stored[1].ExposedTo);
            Assert.Null(stored[1].SalePrice);
            Assert.Contains("Depth", stored[2].Measurements);
        }

        // Another brand's row is invisible under RLS: nothing is updated and the call fails.
        theirs.Title = "Hijacked";
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await Assert.ThrowsAsync<InvalidOperationException>(() => BatchWrites.UpdateAsync(db, [theirs], CancellationToken.None));
        }
        await using (var db = Api.Planes.Open(Plane.Live, other.Id))
        {
            Assert.Equal("Sofa 9", (await db.Listings.SingleAsync()).Title);
        }
    }
}
