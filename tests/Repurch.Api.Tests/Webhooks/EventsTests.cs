using System.Net;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Webhooks;

public sealed class EventsTests : ApiTest
{
    [Fact]
    public async Task Events_list_newest_first_and_filter_by_type_and_time()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var first = await Infrastructure.Listings.CreateAsync(client);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await client.DeleteAsync($"/v1/listings/{first}");
        await client.PatchJsonAsync("/v1/partner/settings/billing", """{"company_name":"Sofa Co Ltd"}""");

        var all = await (await client.GetAsync("/v1/events")).JsonAsync();
        Assert.Equal(["settings.billing.updated", "listing.deleted", "listing.created"],
            all.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(3, all.GetProperty("meta").GetProperty("total").GetInt32());
        var created = all.GetProperty("data")[2];
        Assert.StartsWith("evt_", created.GetProperty("id").GetString());
        Assert.Equal(first, created.GetProperty("data").GetProperty("object").GetProperty("id").GetInt64());
        Assert.True(created.GetProperty("livemode").GetBoolean());

        var deletes = await (await client.GetAsync("/v1/events?type=listing.deleted")).JsonAsync();
        var deleted = Assert.Single(deletes.GetProperty("data").EnumerateArray());
        Assert.True(deleted.GetProperty("data").GetProperty("object").GetProperty("deleted").GetBoolean());

        var after = await (await client.GetAsync($"/v1/events?created_after={Uri.EscapeDataString(between.ToString("O"))}")).JsonAsync();
        Assert.Equal(2, after.GetProperty("data").GetArrayLength());
        var before = await (await client.GetAsync($"/v1/events?created_before={Uri.EscapeDataString(between.ToString("O"))}")).JsonAsync();
        Assert.Equal("listing.created", Assert.Single(before.GetProperty("data").EnumerateArray()).GetProperty("type").GetString());

        var page2 = await (await client.GetAsync("/v1/events?per_page=2&page=2")).JsonAsync();
        Assert.Equal("listing.created", Assert.Single(page2.GetProperty("data").EnumerateArray()).GetProperty("type").GetString());

        var one = await (await client.GetAsync($"/v1/events/{created.GetProperty("id").GetString()}")).JsonAsync();
        Assert.Equal("listing.created", one.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Key_events_never_carry_the_secret()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var key = await (await client.PostJsonAsync("/v1/partner/settings/api-keys", """{"name":"ci","role":"admin","scopes":["read"]}""")).JsonAsync();
        var secret = key.GetProperty("secret").GetString()!;
        var events = await (await client.GetAsync("/v1/events?type=api_key.created")).Content.ReadAsStringAsync();
        Assert.Contains("api_key.created", events);
        Assert.DoesNotContain(secret, events);
    }

    [Theory]
    [InlineData("type=listing.exploded", "type")]
    [InlineData("created_after=yesterday", "created_after")]
    [InlineData("created_before=13/13/2026", "created_before")]
    [InlineData("per_page=0", "per_page")]
    [InlineData("page=x", "page")]
    public async Task Bad_query_parameters_are_400(string query, string param)
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var error = await (await client.GetAsync($"/v1/events?{query}")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal(param, error.GetProperty("data").GetProperty("param").GetString());
    }

    [Fact]
    public async Task Another_brands_events_are_invisible_and_cannot_be_replayed()
    {
        var owner = await NewBrandAsync();
        var intruder = await NewBrandAsync();
        using var ownerClient = Api.ClientWith(owner.AdminKey);
        using var client = Api.ClientWith(intruder.AdminKey);
        await Infrastructure.Listings.CreateAsync(ownerClient);
        var evt = (await (await ownerClient.GetAsync("/v1/events")).JsonAsync()).GetProperty("data")[0].GetProperty("id").GetString();

        Assert.Empty((await (await client.GetAsync("/v1/events")).JsonAsync()).GetProperty("data").EnumerateArray());
        await (await client.GetAsync($"/v1/events/{evt}")).AssertErrorAsync(HttpStatusCode.NotFound, "event_not_found");
        await (await client.PostAsync($"/v1/events/{evt}/replay", null)).AssertErrorAsync(HttpStatusCode.NotFound, "event_not_found");
        var replayed = await (await client.PostJsonAsync("/v1/events/replay", """{"since":"2000-01-01T00:00:00Z"}""")).JsonAsync();
        Assert.Equal(0, replayed.GetProperty("events").GetInt32());
    }

    [Fact]
    public async Task Replaying_an_event_delivers_it_again_with_the_same_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var endpoint = await (await client.PostJsonAsync("/v1/webhooks/endpoints", $$"""{"url":"{{receiver.Url}}","event_types":["listing.created"]}""")).JsonAsync();
        var endpointId = endpoint.GetProperty("id").GetString()!;
        await Infrastructure.Listings.CreateAsync(client);
        var first = (await receiver.WaitForAsync(1)).Single();

        var response = await client.PostJsonAsync($"/v1/events/{first.Headers["webhook-id"]}/replay", $$"""{"endpoint_id":"{{endpointId}}"}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, (await response.JsonAsync()).GetProperty("deliveries").GetInt32());
        var both = await receiver.WaitForAsync(2);
        Assert.Equal(first.Headers["webhook-id"], both[1].Headers["webhook-id"]);
        Assert.Equal(first.Body, both[1].Body);
        var replay = await WebhookDeliveryTests.WaitForDeliveryAsync(client, endpointId, d => d.GetProperty("reason").GetString() == "replay" && d.GetProperty("status").GetString() == "succeeded");
        Assert.Equal("listing.created", replay.GetProperty("event_type").GetString());
    }

    [Fact]
    public async Task Replaying_everything_since_a_time_recovers_from_a_receiver_outage()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        // Three listings happen before the endpoint exists (the receiver was "down").
        for (var i = 0; i < 3; i++) await Infrastructure.Listings.CreateAsync(client);
        var endpointId = (await (await client.PostJsonAsync("/v1/webhooks/endpoints", $$"""{"url":"{{receiver.Url}}","event_types":["listing.created"]}""")).JsonAsync()).GetProperty("id").GetString()!;

        var response = await client.PostJsonAsync("/v1/events/replay", $$"""{"since":"{{since:O}}","types":["listing.created"],"endpoint_id":"{{endpointId}}"}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var counts = await response.JsonAsync();
        Assert.Equal(3, counts.GetProperty("events").GetInt32());
        Assert.Equal(3, counts.GetProperty("deliveries").GetInt32());
        var hits = await receiver.WaitForAsync(3);
        Assert.Equal(3, hits.Select(h => h.Headers["webhook-id"]).Distinct().Count());
    }

    [Theory]
    [InlineData("""{}""", "since_required")]
    [InlineData("""{"since":"last week"}""", "since_invalid")]
    [InlineData("""{"since":"2026-01-01T00:00:00Z","until":5}""", "until_invalid")]
    [InlineData("""{"since":"2026-01-01T00:00:00Z","types":["nope"]}""", "types_invalid")]
    [InlineData("""{"since":"2026-01-01T00:00:00Z","endpoint_id":"we_missing"}""", "endpoint_id_invalid")]
    [InlineData("""{"since":"2026-01-01T00:00:00Z","endpoint_id":7}""", "endpoint_id_invalid")]
    [InlineData("""{"since":"2026-01-01T00:00:00Z","force":true}""", "force_unknown")]
    [InlineData("""{"since":null}""", "since_required")]
    [InlineData("""{"since":"2026-01-01T00:00:00Z","since":"2026-02-01T00:00:00Z"}""", "since_duplicate")]
    public async Task Bad_replay_requests_are_rejected_and_queue_nothing(string body, string code)
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var error = await (await client.PostJsonAsync("/v1/events/replay", body)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(code, error.ErrorCodes());
        await (await client.PostJsonAsync("/v1/events/replay", "{\"since\":")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task Replaying_to_a_disabled_or_unsubscribed_endpoint_is_rejected()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        await Infrastructure.Listings.CreateAsync(client);
        var evt = (await (await client.GetAsync("/v1/events")).JsonAsync()).GetProperty("data")[0].GetProperty("id").GetString();
        var deletesOnly = (await (await client.PostJsonAsync("/v1/webhooks/endpoints", """{"url":"https://hooks.example.com/d","event_types":["listing.deleted"]}""")).JsonAsync()).GetProperty("id").GetString();
        var disabled = (await (await client.PostJsonAsync("/v1/webhooks/endpoints", """{"url":"https://hooks.example.com/x","enabled":false}""")).JsonAsync()).GetProperty("id").GetString();

        var unsubscribed = await (await client.PostJsonAsync($"/v1/events/{evt}/replay", $$"""{"endpoint_id":"{{deletesOnly}}"}""")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("endpoint_not_subscribed", unsubscribed.ErrorCodes());
        var off = await (await client.PostJsonAsync($"/v1/events/{evt}/replay", $$"""{"endpoint_id":"{{disabled}}"}""")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("endpoint_disabled", off.ErrorCodes());
    }

    [Fact]
    public async Task Events_need_a_partner_admin_key()
    {
        var brand = await NewBrandAsync();
        using var anonymous = Api.ClientWith(null);
        using var member = Api.ClientWith(brand.MemberKey);
        using var readOnly = Api.ClientWith(brand.ReadOnlyKey);
        await (await anonymous.GetAsync("/v1/events")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await member.GetAsync("/v1/events")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await readOnly.PostJsonAsync("/v1/events/replay", """{"since":"2026-01-01T00:00:00Z"}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
