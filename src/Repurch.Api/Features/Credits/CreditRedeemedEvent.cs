using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Audit;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Money;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Credits;

public sealed record CreditRedeemedEvent(string RedemptionId, string CodeId, decimal AmountGbp, string OrderReference, string RedeemedAt);
