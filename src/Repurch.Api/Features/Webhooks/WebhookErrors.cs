using Repurch.Api.Errors;

namespace Repurch.Api.Features.Webhooks;

public static class WebhookErrors
{
    public static readonly ErrorCode EndpointNotFound = new(404, "webhook_endpoint_not_found", "Webhook endpoint not found (or owned by another brand).");
    public static readonly ErrorCode TooManyEndpoints = new(400, "too_many_endpoints", "The brand already has the most webhook endpoints it may have (`Webhooks:MaxEndpointsPerBrand`, 20 unless configured).");
    public static readonly ErrorCode EventNotFound = new(404, "event_not_found", "Event not found (or owned by another brand).", "Event not found.");
    public static readonly ErrorCode ReplayTooLarge = new(400, "replay_too_large",
        "More than 10,000 events match; replay a shorter window.", $"More than {EventsEndpoints.MaxReplayEvents} events match; replay a shorter window.");
}
