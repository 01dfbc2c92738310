using System.Text.Json;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.EventDelivery;

/// <summary>
/// Writes events to the outbox table. The event is added to the context, so the caller's
/// <c>SaveChanges</c> writes it in the same transaction as the change it describes: a rolled-back
/// change never announces itself and a committed one always does. The webhook dispatcher delivers it.
/// </summary>
public static class Outbox
{
    /// <param name="data">The event's <c>data.object</c>, serialised with the API's JSON options (snake_case). Never include secrets.</param>
    public static EventRecord Emit(RepurchDb db, string brandId, string type, object data, TimeProvider? clock = null)
    {
        var record = NewRecord(brandId, type, data, (clock ?? TimeProvider.System).GetUtcNow());
        db.Events.Add(record);
        return record;
    }

    /// <summary>
    /// Writes many events in one statement (<see cref="BatchWrites"/>), in list order, inside the
    /// context's open transaction: for batch writers such as bulk jobs.
    /// </summary>
    public static async Task EmitManyAsync(RepurchDb db, string brandId, IReadOnlyList<(string Type, object Data)> events, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // seq (the delivery order of an ordered endpoint) is drawn in list order.
        await BatchWrites.InsertAsync(db, [.. events.Select(e => NewRecord(brandId, e.Type, e.Data, now))], ct);
    }

    private static EventRecord NewRecord(string brandId, string type, object data, DateTimeOffset now) => new()
    {
        Id = NewId(), BrandId = brandId, Type = type, CreatedAt = now,
        Data = JsonSerializer.Serialize(new { @object = data }, Http.Json.Options),
    };

    /// <summary><c>evt_</c> plus 24 random base32 characters.</summary>
    public static string NewId() => PublicIds.New("evt_");
}
