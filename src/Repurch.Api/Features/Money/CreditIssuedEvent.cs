using Repurch.Api.Http;
using Repurch.Api.Payments;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

public sealed record CreditIssuedEvent(string Id, long SellerId, string OrderId, decimal AmountGbp, string CodeHint, string IssuedAt, string ExpiresAt);
