using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Listings;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Payments;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

/// <summary>Documentation shape of <c>POST /v1/marketplace/orders</c>.</summary>
public sealed record OrderCreate(long ListingId, int? Quantity, OrderBuyer Buyer);
