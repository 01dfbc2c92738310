namespace Repurch.Api.EventDelivery;

/// <summary>Every event type the platform emits; endpoints subscribe to a subset or to <c>*</c>.</summary>
public static class WebhookEventTypes
{
    public const string All = "*";
    public const string EndpointDisabled = "webhook_endpoint.disabled";

    public static readonly string[] Known =
    [
        "listing.created", "listing.updated", "listing.deleted", "listing.sold",
        "settings.brand.updated", "settings.billing.updated", "settings.taxonomy.updated", "settings.cross_listing.updated",
        "warehouse.created", "warehouse.updated", "warehouse.deleted", "warehouse.default_changed",
        "api_key.created", "api_key.revoked",
        "webhook_endpoint.created", "webhook_endpoint.updated", "webhook_endpoint.deleted", "webhook_endpoint.secret_rotated", EndpointDisabled,
        "credit.issued", "credit.redeemed", "credit.redemption_reversed", "payout.settled",
        "dispute.opened", "dispute.resolved",
    ];

    public static bool Matches(string[] subscribed, string type) => subscribed.Contains(All) || subscribed.Contains(type);
}
