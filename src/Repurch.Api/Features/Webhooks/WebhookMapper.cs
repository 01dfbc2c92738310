using System.Text.Json;
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
}
