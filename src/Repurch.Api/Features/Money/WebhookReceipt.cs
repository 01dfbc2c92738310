namespace Repurch.Api.Features.Money;

public sealed record WebhookReceipt(bool Received, bool Applied);
