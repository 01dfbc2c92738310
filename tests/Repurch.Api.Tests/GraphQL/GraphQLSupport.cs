using System.Net;
using System.Text.Json;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Money;

namespace Repurch.Api.Tests.GraphQL;

public static class Gql
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string query, object? variables = null)
    {
        var response = await client.PostJsonAsync("/graphql", JsonSerializer.Serialize(new { query, variables }));
        return (response.StatusCode, await response.JsonAsync());
    }

    /// <summary>Runs a query that must succeed without errors; returns <c>data</c>.</summary>
    public static async Task<JsonElement> DataAsync(HttpClient client, string query, object? variables = null)
    {
        var (status, body) = await PostAsync(client, query, variables);
        Assert.True(status == HttpStatusCode.OK && !body.TryGetProperty("errors", out _), $"{(int)status}: {body}");
        return body.GetProperty("data");
    }

    public static string FirstCode(JsonElement body) =>
        body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    /// <summary>
    /// Gives the brand a row behind every query: brand stock and a trade-in, a completed sale (order,
    /// payout), a credit code, a webhook endpoint with a delivery and its attempt, and an hour of usage.
    /// </summary>
    public static async Task<Filled> FillAsync(ApiFactory api, TestBrand brand)
    {
        var partner = api.ClientWith(brand.AdminKey);
        var listingId = await Infrastructure.Listings.CreateAsync(partner);
        var tradeIn = await brand.AddTradeInAsync(api.Planes);
        await MoneyRows.FillAsync(api, brand, listingId);
        var endpointId = "we_gql" + Guid.NewGuid().ToString("N")[..16];
        var route = "GET /gql-test/" + brand.Id;
        await using (var db = api.Planes.Open(Plane.Live, brand.Id))
        {
            var now = DateTimeOffset.UtcNow;
            db.WebhookEndpoints.Add(new WebhookEndpoint
            {
                Id = endpointId, BrandId = brand.Id, Url = "https://hooks.example.com/repurch", EventTypes = ["listing.created"],
                Secret = "whsec_test", CreatedAt = now, UpdatedAt = now, Enabled = false, DisabledReason = "test",
            });
            var eventId = "evt_gql" + Guid.NewGuid().ToString("N")[..16];
            db.Events.Add(new EventRecord { Id = eventId, BrandId = brand.Id, Type = "listing.created", Data = "{}", CreatedAt = now, FannedOutAt = now });
            await db.SaveChangesAsync();
            var delivery = new WebhookDelivery
            {
                BrandId = brand.Id, EndpointId = endpointId, EventId = eventId, Status = "failed", Attempts = 1, Reason = "event",
                LastStatusCode = 500, LastError = "http_500", CreatedAt = now, CompletedAt = now, NextAttemptAt = now,
            };
            db.WebhookDeliveries.Add(delivery);
            await db.SaveChangesAsync();
            db.WebhookAttempts.Add(new WebhookAttempt { BrandId = brand.Id, DeliveryId = delivery.Id, EndpointId = endpointId, EventId = eventId, StatusCode = 500, LatencyMs = 12, CreatedAt = now });
            db.RequestUsage.Add(new RequestUsage
            {
                BrandId = brand.Id, Hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero), Route = route,
                Requests = 7, Errors4xx = 1, LatencyBuckets = [7],
            });
            await db.SaveChangesAsync();
        }
        return new Filled(listingId, tradeIn, endpointId, route);
    }

    public sealed record Filled(long ListingId, long TradeInId, string EndpointId, string UsageRoute);

    /// <summary>Every root field, each with its rows' ids, for the isolation test.</summary>
    public const string Everything = """
        query Everything($listing: Long!, $endpoint: String) {
          listings(status: "any") { totalCount edges { node { id } } }
          exchange: listings(channel: "exchange") { totalCount }
          sofas: listings(category: "Corner Sofas", status: "any") { totalCount }
          listing(id: $listing) { id images }
          orders { totalCount edges { node { id } } }
          payouts { totalCount edges { node { id } } }
          creditCodes { totalCount edges { node { id } } }
          creditOutstandingGbp
          webhookEndpoints { id }
          webhookDeliveries { totalCount edges { node { id attempts { id } } } }
          ofEndpoint: webhookDeliveries(endpointId: $endpoint) { totalCount }
          usage { brandId totals { requests } routes { route } }
        }
        """;
}
