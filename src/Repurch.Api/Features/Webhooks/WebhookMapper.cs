using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Webhooks;

public static class WebhookMapper
{
    public static WebhookEndpointView View(WebhookEndpoint e, DateTimeOffset now) => new(
        e.Id, e.Url, e.Description, e.EventTypes, e.Enabled, e.Ordered, e.DisabledReason, WireFormat.Timestamp(e.FailingSince),
        e.PreviousSecret is not null && e.PreviousSecretExpiresAt > now ? WireFormat.Timestamp(e.PreviousSecretExpiresAt) : null,
        WireFormat.Timestamp(e.CreatedAt), WireFormat.Timestamp(e.UpdatedAt));

    public static WebhookEndpointWithSecret WithSecret(WebhookEndpoint e, DateTimeOffset now)
    {
        var v = View(e, now);
        return new(v.Id, v.Url, v.Description, v.EventTypes, v.Enabled, v.Ordered, v.DisabledReason, v.FailingSince,
            v.PreviousSecretExpiresAt, v.CreatedAt, v.UpdatedAt, e.Secret);
    }

    public static EventView Event(EventRecord e, Plane plane) => new(
        e.Id, e.Type, WireFormat.Timestamp(e.CreatedAt), e.BrandId, plane == Plane.Live,
        JsonDocument.Parse(e.Data).RootElement.Clone());

    /// <summary>Deliveries with their event types and every attempt, in two queries for the whole page.</summary>
    public static async Task<List<WebhookDeliveryView>> DeliveriesAsync(RepurchDb db, IReadOnlyList<WebhookDelivery> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var eventIds = rows.Select(r => r.EventId).Distinct().ToList();
        var attempts = (await db.WebhookAttempts.Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.DeliveryId);
        var types = await db.Events.Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Type, ct);
        return rows.Select(d => new WebhookDeliveryView(
            d.Id, d.EventId, types.GetValueOrDefault(d.EventId, ""), d.Status, d.Reason, d.Attempts, d.LastStatusCode, d.LastError,
            d.Status == "pending" ? WireFormat.Timestamp(d.NextAttemptAt) : null, WireFormat.Timestamp(d.CreatedAt), WireFormat.Timestamp(d.CompletedAt),
            attempts[d.Id].Select(a => new WebhookAttemptView(a.Id, a.StatusCode, a.LatencyMs, a.Error, a.ResponseBody, WireFormat.Timestamp(a.CreatedAt))).ToList())).ToList();
    }
}
