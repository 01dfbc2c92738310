using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Bulk;

/// <summary>Bulk changes announce themselves in the outbox exactly as single-listing changes do.</summary>
public sealed class BulkEventTests : ApiTest
{
    private async Task<List<EventRecord>> EventsAsync(TestBrand brand)
    {
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        return await db.Events.OrderBy(e => e.Seq).ToListAsync();
    }

    [Fact]
    public async Task Commit_jobs_and_delete_emit_listing_events_and_failed_rows_emit_nothing()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var commit = await (await client.PostJsonAsync("/v1/listings/bulk-commit", BulkFiles.CsvBody(BulkFiles.Csv(BulkFiles.ValidRow(1, "EV-1"), "bad,,,,,,,,")))).OkAsync();
        var id = commit.GetProperty("rows")[0].GetProperty("product_id").GetInt64();
        var events = await EventsAsync(brand);
        var created = Assert.Single(events);
        Assert.Equal("listing.created", created.Type);
        Assert.Equal(id, JsonDocument.Parse(created.Data).RootElement.GetProperty("object").GetProperty("id").GetInt64());

        var job = await BulkFiles.StartJobAsync(client, BulkFiles.Raw(BulkFiles.Utf8(BulkFiles.Csv(BulkFiles.ValidRow(2, "EV-1"), BulkFiles.ValidRow(3)))));
        await BulkFiles.WaitAsync(client, job.GetProperty("id").GetString()!);
        await (await client.PostJsonAsync("/v1/listings/bulk-delete", $$"""{"ids":[{{id}},424242424]}""")).OkAsync();
        var types = (await EventsAsync(brand)).Select(e => e.Type).ToList();
        Assert.Equal(4, types.Count);
        Assert.Equal("listing.created", types[0]);
        Assert.Equal(["listing.created", "listing.updated"], types[1..3].Order());
        Assert.Equal("listing.deleted", types[3]);
    }
}
