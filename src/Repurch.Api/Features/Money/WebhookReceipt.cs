using Repurch.Api.OpenApi;
using Repurch.Api.Payments;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

public sealed record WebhookReceipt(bool Received, bool Applied);
