using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Webhooks;

public sealed class WebhookDeliveryTests : ApiTest
{
    private static async Task<(string Id, string Secret)> CreateEndpointAsync(HttpClient client, string url, string extra = "")
    {
        var response = await client.PostJsonAsync("/v1/webhooks/endpoints", $$"""{"url":"{{url}}"{{extra}}}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        return (body.GetProperty("id").GetString()!, body.GetProperty("secret").GetString()!);
    }

    private static JsonElement Parse(WebhookReceiver.Received r) => JsonDocument.Parse(r.Body).RootElement;

    [Fact]
    public async Task A_new_listing_is_delivered_signed_with_standard_webhooks_headers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var (_, secret) = await CreateEndpointAsync(client, receiver.Url);

        var listingId = await Infrastructure.Listings.CreateAsync(client);

        var hit = (await receiver.WaitForAsync(1, r => Parse(r).GetProperty("type").GetString() == "listing.created")).Single();
        Assert.StartsWith("evt_", hit.Headers["webhook-id"]);
        Assert.True(WebhookSignatureRecipe.Verify(secret, hit.Headers["webhook-id"], hit.Headers["webhook-timestamp"], hit.Body, hit.Headers["webhook-signature"]));
        Assert.False(WebhookSignatureRecipe.Verify(secret, hit.Headers["webhook-id"], hit.Headers["webhook-timestamp"], hit.Body + " ", hit.Headers["webhook-signature"]));
        Assert.StartsWith("application/json", hit.Headers["content-type"]);
        var payload = Parse(hit);
        Assert.Equal(hit.Headers["webhook-id"], payload.GetProperty("id").GetString());
        Assert.Equal(brand.Id, payload.GetProperty("brand_id").GetString());
        Assert.True(payload.GetProperty("livemode").GetBoolean());
        Assert.Equal(listingId, payload.GetProperty("data").GetProperty("object").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Updates_deletes_and_settings_changes_are_events_too_and_filters_choose_what_an_endpoint_gets()
    {
        await using var everything = await WebhookReceiver.StartAsync();
        await using var deletesOnly = await WebhookReceiver.StartAsync();
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        await CreateEndpointAsync(client, everything.Url);
        var (deletesOnlyId, _) = await CreateEndpointAsync(client, deletesOnly.Url, ""","event_types":["listing.deleted"]""");

        var id = await Infrastructure.Listings.CreateAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchJsonAsync($"/v1/listings/{id}", """{"title":"Renamed sofa"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/v1/listings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchJsonAsync("/v1/partner/settings/brand", """{"display_name":"Sofa Co","tagline":"Loved twice"}""")).StatusCode);

        var types = (await everything.WaitForAsync(4, r => !Parse(r).GetProperty("type").GetString()!.StartsWith("webhook_endpoint.", StringComparison.Ordinal)))
            .Select(r => Parse(r).GetProperty("type").GetString()).ToList();
        Assert.Equal(new[] { "listing.created", "listing.deleted", "listing.updated", "settings.brand.updated" }, types.Order(StringComparer.Ordinal));
        var deleted = (await deletesOnly.WaitForAsync(1)).Single();
        Assert.Equal("listing.deleted", Parse(deleted).GetProperty("type").GetString());
        Assert.Equal("Renamed sofa", Parse((await everything.WaitForAsync(1, r => Parse(r).GetProperty("type").GetString() == "listing.updated"))[0])
            .GetProperty("data").GetProperty("object").GetProperty("title").GetString());
        // Every event has reached `everything`, so each was fanned out (one transaction per batch makes
        // every endpoint's deliveries at once): the filtered endpoint's deliveries are final.
        await AllFannedOutAsync(brand.Id);
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(1, await db.WebhookDeliveries.CountAsync(d => d.EndpointId == deletesOnlyId));
        Assert.Single(deletesOnly.Requests);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_until_it_succeeds_and_every_attempt_is_listed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (n, _) => n < 2 ? 500 : 204;
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var (endpointId, _) = await CreateEndpointAsync(client, receiver.Url, ""","event_types":["listing.created"]""");

        await Infrastructure.Listings.CreateAsync(client);
        var hits = await receiver.WaitForAsync(3);
        Assert.Single(hits.Select(h => h.Headers["webhook-id"]).Distinct());

        var delivery = await WaitForDeliveryAsync(client, endpointId, d => d.GetProperty("status").GetString() == "succeeded");
        Assert.Equal(3, delivery.GetProperty("attempt_count").GetInt32());
        var attempts = delivery.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([500, 500, 204], attempts.Select(a => a.GetProperty("status_code").GetInt32()));
        Assert.All(attempts, a => Assert.True(a.GetProperty("latency_ms").GetInt32() >= 0));
        Assert.Equal("HTTP 500", attempts[0].GetProperty("error").GetString());
        Assert.Equal(204, delivery.GetProperty("last_status_code").GetInt32());
    }

    [Fact]
    public async Task An_endpoint_that_keeps_failing_is_given_up_on_and_disabled_with_an_event_to_the_brand()
    {
        await using var failing = await WebhookReceiver.StartAsync();
        failing.Respond = (_, _) => 503;
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var (endpointId, _) = await CreateEndpointAsync(client, failing.Url, ""","event_types":["listing.created"]""");

        await Infrastructure.Listings.CreateAsync(client);

        // Test hosts retry after 0.3, 0.6, 1.2 and 2.4 s (five attempts), then give up on the delivery.
        var given = await WaitForDeliveryAsync(client, endpointId, d => d.GetProperty("status").GetString() == "failed", timeoutSeconds: 40);
        Assert.Equal(5, given.GetProperty("attempt_count").GetInt32());
        Assert.True((await (await client.GetAsync($"/v1/webhooks/endpoints/{endpointId}")).JsonAsync()).GetProperty("enabled").GetBoolean());

        // They disable an endpoint that has failed for 15 s: the next failure past that disables it.
        var firstFailure = DateTimeOffset.Parse(given.GetProperty("attempts")[0].GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var wait = firstFailure.AddSeconds(16) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        await Infrastructure.Listings.CreateAsync(client);
        JsonElement endpoint = default;
        for (var i = 0; i < 200; i++)
        {
            endpoint = await (await client.GetAsync($"/v1/webhooks/endpoints/{endpointId}")).JsonAsync();
            if (!endpoint.GetProperty("enabled").GetBoolean()) break;
            await Task.Delay(100);
        }
        Assert.False(endpoint.GetProperty("enabled").GetBoolean());
        Assert.Contains("HTTP 503", endpoint.GetProperty("disabled_reason").GetString());
        var events = await (await client.GetAsync("/v1/events?type=webhook_endpoint.disabled")).JsonAsync();
        Assert.Equal(endpointId, events.GetProperty("data")[0].GetProperty("data").GetProperty("object").GetProperty("id").GetString());

        // Disabled endpoints get nothing new; re-enabling resets the failure window.
        var before = failing.Requests.Count;
        int deliveriesBefore;
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id)) deliveriesBefore = await db.WebhookDeliveries.CountAsync(d => d.EndpointId == endpointId);
        await Infrastructure.Listings.CreateAsync(client);
        await AllFannedOutAsync(brand.Id);
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            Assert.Equal(deliveriesBefore, await db.WebhookDeliveries.CountAsync(d => d.EndpointId == endpointId));
        Assert.Equal(before, failing.Requests.Count);
        var enabled = await (await client.PatchJsonAsync($"/v1/webhooks/endpoints/{endpointId}", """{"enabled":true}""")).JsonAsync();
        Assert.True(enabled.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, enabled.GetProperty("disabled_reason").ValueKind);
    }

    [Fact]
    public async Task After_a_rotation_deliveries_carry_signatures_for_both_secrets()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var (endpointId, oldSecret) = await CreateEndpointAsync(client, receiver.Url, ""","event_types":["listing.created"]""");

        var rotated = await (await client.PostAsync($"/v1/webhooks/endpoints/{endpointId}/rotate-secret", null)).JsonAsync();
        var newSecret = rotated.GetProperty("secret").GetString()!;
        Assert.NotEqual(oldSecret, newSecret);
        Assert.StartsWith("whsec_", newSecret);
        var expires = DateTimeOffset.Parse(rotated.GetProperty("previous_secret_expires_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));

        await Infrastructure.Listings.CreateAsync(client);
        var hit = (await receiver.WaitForAsync(1)).Single();
        Assert.Equal(2, hit.Headers["webhook-signature"].Split(' ').Length);
        Assert.True(WebhookSignatureRecipe.Verify(oldSecret, hit.Headers["webhook-id"], hit.Headers["webhook-timestamp"], hit.Body, hit.Headers["webhook-signature"]));
        Assert.True(WebhookSignatureRecipe.Verify(newSecret, hit.Headers["webhook-id"], hit.Headers["webhook-timestamp"], hit.Body, hit.Headers["webhook-signature"]));
        Assert.False(WebhookSignatureRecipe.Verify("whsec_" + Convert.ToBase64String(new byte[32]), hit.Headers["webhook-id"], hit.Headers["webhook-timestamp"], hit.Body, hit.Headers["webhook-signature"]));
        // The secret is shown on create and rotate only.
        var shown = await (await client.GetAsync($"/v1/webhooks/endpoints/{endpointId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(newSecret, shown);
        Assert.DoesNotContain(oldSecret, shown);
    }

    [Fact]
    public async Task An_ordered_endpoint_gets_events_in_order_even_when_the_first_needs_retries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var firstFailures = 0;
        receiver.Respond = (_, r) =>
            Parse(r).GetProperty("data").GetProperty("object").GetProperty("title").GetString() == "Sofa 1" && Interlocked.Increment(ref firstFailures) <= 2 ? 500 : 200;
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        await CreateEndpointAsync(client, receiver.Url, ""","event_types":["listing.created"],"ordered":true""");

        for (var i = 1; i <= 3; i++)
            await Infrastructure.Listings.CreateAsync(client, Infrastructure.Listings.ValidCreate.Replace("Grey velvet corner sofa", $"Sofa {i}", StringComparison.Ordinal));

        var hits = await receiver.WaitForAsync(5);
        Assert.Equal(["Sofa 1", "Sofa 1", "Sofa 1", "Sofa 2", "Sofa 3"],
            hits.Select(h => Parse(h).GetProperty("data").GetProperty("object").GetProperty("title").GetString()));
    }

    [Fact]
    public async Task One_brands_events_never_reach_another_brands_endpoint_and_sandbox_events_are_not_livemode()
    {
        await using var mine = await WebhookReceiver.StartAsync();
        await using var theirs = await WebhookReceiver.StartAsync();
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        using var sandbox = Api.ClientWith(brand.SandboxAdminKey);
        using var otherClient = Api.ClientWith(other.AdminKey);
        await CreateEndpointAsync(client, mine.Url, ""","event_types":["listing.created"]""");
        await CreateEndpointAsync(sandbox, mine.Url, ""","event_types":["listing.created"]""");
        await CreateEndpointAsync(otherClient, theirs.Url, ""","event_types":["listing.created"]""");

        await Infrastructure.Listings.CreateAsync(client);
        await Infrastructure.Listings.CreateAsync(sandbox);
        var hits = await mine.WaitForAsync(2);
        Assert.Equal([false, true], hits.Select(h => Parse(h).GetProperty("livemode").GetBoolean()).Order());
        // Both events are fanned out (they arrived): a delivery to another brand's endpoint would exist by now.
        await AllFannedOutAsync(brand.Id);
        foreach (var plane in new[] { Plane.Live, Plane.Sandbox })
        {
            await using var db = Api.Planes.Open(plane, brand.Id);
            var own = await db.WebhookEndpoints.Select(e => e.Id).ToListAsync();
            Assert.Equal(0, await db.WebhookDeliveries.CountAsync(d => !own.Contains(d.EndpointId)));
        }
        await using (var db = Api.Planes.Open(Plane.Live, other.Id)) Assert.Equal(0, await db.WebhookDeliveries.CountAsync());
        Assert.Empty(theirs.Requests);
    }

    [Fact]
    public async Task A_name_that_resolves_to_a_private_address_is_refused_at_delivery_time()
    {
        // The name passes the check on save; the test hosts' resolver points it at 127.0.0.1, as a
        // rebinding attacker's DNS would after the URL was saved. Delivery must refuse it.
        const string host = "hooks.rebind.test";
        await using var receiver = await WebhookReceiver.StartAsync();
        var port = new Uri(receiver.Url).Port;
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var (endpointId, _) = await CreateEndpointAsync(client, $"https://{host}:{port}/hooks", ""","event_types":["listing.created"]""");

        await Infrastructure.Listings.CreateAsync(client);
        var delivery = await WaitForDeliveryAsync(client, endpointId, d => d.GetProperty("attempt_count").GetInt32() >= 1);
        Assert.StartsWith("destination_blocked", delivery.GetProperty("attempts")[0].GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("attempts")[0].GetProperty("status_code").ValueKind);
        Assert.Empty(receiver.Requests);
    }

    [Theory]
    [InlineData("169.254.169.254", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00:ec2::254", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("2606:4700:4700::1111", true)]
    public void Only_public_addresses_may_receive_webhooks(string address, bool isPublic) =>
        Assert.Equal(isPublic, Repurch.Api.EventDelivery.WebhookUrlGuard.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task A_listing_that_fails_validation_emits_no_event()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var response = await client.PostJsonAsync("/v1/listings", """{"title":"x","price_gbp":-1}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var id = await Infrastructure.Listings.CreateAsync(client);
        await client.PatchJsonAsync($"/v1/listings/{id}", """{"price_gbp":"free"}""");
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(["listing.created"], await db.Events.Select(e => e.Type).ToListAsync());
    }

    [Fact]
    public async Task An_idempotent_retry_of_a_create_emits_one_event()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/listings") { Content = HttpExtensions.JsonContent(Infrastructure.Listings.ValidCreate) };
            request.Headers.Add("Idempotency-Key", "create-once");
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
        }
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(1, await db.Events.CountAsync(e => e.Type == "listing.created"));
    }

    /// <summary>Waits until the dispatcher has fanned out every live event of the brand.</summary>
    private async Task AllFannedOutAsync(string brandId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var db = Api.Planes.Open(Plane.Live, brandId);
            if (!await db.Events.AnyAsync(e => e.FannedOutAt == null)) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("events were not fanned out within 20 s");
            await Task.Delay(50);
        }
    }

    internal static async Task<JsonElement> WaitForDeliveryAsync(HttpClient client, string endpointId, Func<JsonElement, bool> done, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var page = await (await client.GetAsync($"/v1/webhooks/endpoints/{endpointId}/deliveries")).JsonAsync();
            var match = page.GetProperty("data").EnumerateArray().FirstOrDefault(done);
            if (match.ValueKind == JsonValueKind.Object) return match;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No matching delivery within {timeoutSeconds} s: {page}");
            await Task.Delay(100);
        }
    }
}
