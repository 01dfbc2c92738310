using System.Text.Json;
using Repurch.Api.Features.Listings;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Webhooks;

public sealed record WebhookEndpointView(
    string Id, string Url, string? Description, IReadOnlyList<string> EventTypes, bool Enabled, bool Ordered,
    string? DisabledReason, string? FailingSince, string? PreviousSecretExpiresAt, string CreatedAt, string UpdatedAt);

/// <summary>Create and rotate answers: the only places the signing secret is ever shown.</summary>
public sealed record WebhookEndpointWithSecret(
    string Id, string Url, string? Description, IReadOnlyList<string> EventTypes, bool Enabled, bool Ordered,
    string? DisabledReason, string? FailingSince, string? PreviousSecretExpiresAt, string CreatedAt, string UpdatedAt, string Secret);

public sealed record WebhookEndpointList(IReadOnlyList<WebhookEndpointView> Data);
public sealed record DeletedWebhookEndpoint(bool Deleted, string Id);

public sealed record WebhookAttemptView(long Id, int? StatusCode, int LatencyMs, string? Error, string? ResponseBody, string CreatedAt);
public sealed record WebhookDeliveryView(
    long Id, string EventId, string EventType, string Status, string Reason, int AttemptCount, int? LastStatusCode, string? LastError,
    string? NextAttemptAt, string CreatedAt, string? CompletedAt, IReadOnlyList<WebhookAttemptView> Attempts);
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryView> Data, ListMeta Meta);

public sealed record EventView(string Id, string Type, string CreatedAt, string BrandId, bool Livemode, JsonElement Data);
public sealed record EventPage(IReadOnlyList<EventView> Data, ListMeta Meta);
public sealed record ReplayResult(int Events, int Deliveries);

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
}
