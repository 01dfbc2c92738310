using System.Text.Json;
using Repurch.Api.Http;

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
