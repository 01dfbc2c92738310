using System.Net;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Locking;

public sealed class LocksTests : ApiTest
{
    [Fact]
    public async Task A_brand_lock_serialises_brand_locks_but_lets_the_brands_other_writes_through()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);

        await using var holder = Api.Planes.Open(Plane.Live, brand.Id);
        await using var tx = await holder.Database.BeginTransactionAsync();
        await Locks.LockBrandAsync(holder, CancellationToken.None);

        // A listing insert checks its brand foreign key (FOR KEY SHARE on the brand row): not blocked.
        var create = client.PostJsonAsync("/v1/listings", Infrastructure.Listings.ValidCreate);
        var finished = await Task.WhenAny(create, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.Same(create, finished);
        Assert.Equal(HttpStatusCode.Created, (await create).StatusCode);

        // A second brand lock waits for the first transaction to end.
        await using var waiter = Api.Planes.Open(Plane.Live, brand.Id);
        await using var waiterTx = await waiter.Database.BeginTransactionAsync();
        var second = Locks.LockBrandAsync(waiter, CancellationToken.None);
        var first = await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.NotSame(second, first);
        await tx.CommitAsync();
        await second.WaitAsync(TimeSpan.FromSeconds(20));
        await waiterTx.CommitAsync();
    }
}
