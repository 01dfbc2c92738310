using GraphQL.Types;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Money;
using Repurch.Api.Features.Usage;
using Repurch.Api.Features.Webhooks;

namespace Repurch.Api.Features.GraphQL;

/// <summary>
/// The partner dashboard schema: the REST response records exposed field for field (camelCase names),
/// query only. Printed to <c>openapi/schema.graphql</c> (a test fails when they differ).
/// </summary>
public sealed class DashboardSchema : Schema
{
    /// <summary>Records nested inside the exposed ones, typed the same way.</summary>
    private static readonly Type[] Nested =
    [
        typeof(SellerInfo), typeof(WarehouseRef), typeof(MeasurementDto), typeof(OrderBuyer), typeof(OrderPayment),
        typeof(WebhookAttemptView), typeof(UsageStats), typeof(UsageHour), typeof(UsageRoute),
    ];

    public DashboardSchema()
    {
        Query = new DashboardQuery();
        foreach (var t in Nested) RegisterTypeMapping(t, typeof(AutoRegisteringObjectGraphType<>).MakeGenericType(t));
    }
}
