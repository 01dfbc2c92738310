namespace Repurch.Api.EventDelivery;

public sealed class WebhookBlockedException(string message) : Exception(message);
