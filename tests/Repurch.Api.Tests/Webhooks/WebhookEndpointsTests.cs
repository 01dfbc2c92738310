using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Webhooks;

public sealed class WebhookEndpointsTests : ApiTest
{
    private const string Base = "/v1/webhooks/endpoints";
    private const string Url = "https://hooks.example.com/repurch";

    [Fact]
    public async Task Creating_an_endpoint_shows_its_secret_once_and_defaults_to_every_event()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);

        var response = await client.PostJsonAsync(Base, $$"""{"url":"{{Url}}","description":"ERP sync"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var id = created.GetProperty("id").GetString()!;
        Assert.StartsWith("we_", id);
        Assert.Equal($"{Base}/{id}", response.Headers.Location?.ToString());
        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", created.GetProperty("secret").GetString());
        Assert.Equal(["*"], created.GetProperty("event_types").EnumerateArray().Select(t => t.GetString()));
        Assert.True(created.GetProperty("enabled").GetBoolean());
        Assert.False(created.GetProperty("ordered").GetBoolean());
        Assert.Equal("ERP sync", created.GetProperty("description").GetString());

        var fetched = await (await client.GetAsync($"{Base}/{id}")).JsonAsync();
        Assert.False(fetched.TryGetProperty("secret", out _));
        var list = await (await client.GetAsync(Base)).JsonAsync();
        var only = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.Equal(id, only.GetProperty("id").GetString());
        Assert.False(only.TryGetProperty("secret", out _));
    }

    [Fact]
    public async Task Updating_changes_only_the_fields_sent_and_is_audited_without_the_secret()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var created = await (await client.PostJsonAsync(Base, $$"""{"url":"{{Url}}"}""")).JsonAsync();
        var id = created.GetProperty("id").GetString()!;

        var response = await client.PatchJsonAsync($"{Base}/{id}", """{"event_types":["listing.created","listing.sold"],"ordered":true,"description":null}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.JsonAsync();
        Assert.Equal(["listing.created", "listing.sold"], updated.GetProperty("event_types").EnumerateArray().Select(t => t.GetString()));
        Assert.True(updated.GetProperty("ordered").GetBoolean());
        Assert.Equal(Url, updated.GetProperty("url").GetString());
        var audit = await (await client.GetAsync("/v1/partner/audit-log")).Content.ReadAsStringAsync();
        Assert.Contains("webhook_endpoint.updated", audit);
        Assert.Contains("webhook_endpoint.created", audit);
        Assert.DoesNotContain(created.GetProperty("secret").GetString()!, audit);
    }

    [Fact]
    public async Task Deleting_an_endpoint_removes_it()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var id = (await (await client.PostJsonAsync(Base, $$"""{"url":"{{Url}}"}""")).JsonAsync()).GetProperty("id").GetString()!;

        var deleted = await (await client.DeleteAsync($"{Base}/{id}")).JsonAsync();

        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        await (await client.GetAsync($"{Base}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        await (await client.DeleteAsync($"{Base}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
    }

    [Theory]
    [InlineData("""{}""", "url_required")]
    [InlineData("""{"url":""}""", "url_required")]
    [InlineData("""{"url":42}""", "url_invalid")]
    [InlineData("""{"url":"not a url"}""", "url_invalid")]
    [InlineData("""{"url":"ftp://hooks.example.com/x"}""", "url_invalid")]
    [InlineData("""{"url":"https://user:pw@hooks.example.com/x"}""", "url_invalid")]
    [InlineData("""{"url":"http://hooks.example.com/x"}""", "url_insecure")]
    [InlineData("""{"url":"https://localhost/x"}""", "url_forbidden_host")]
    [InlineData("""{"url":"https://127.0.0.2/x"}""", "url_forbidden_host")]
    [InlineData("""{"url":"https://169.254.169.254/latest/meta-data"}""", "url_forbidden_host")]
    [InlineData("""{"url":"https://10.0.0.8/x"}""", "url_forbidden_host")]
    [InlineData("""{"url":"https://192.168.0.10/x"}""", "url_forbidden_host")]
    [InlineData("""{"url":"https://[::1]/x"}""", "url_forbidden_host")]
    [InlineData("""{"url":"https://[fd00:ec2::254]/x"}""", "url_forbidden_host")]
    [InlineData("""{"url":"https://metadata.google.internal/x"}""", "url_forbidden_host")]
    [InlineData("""{"url":"https://hooks.example.com","event_types":[]}""", "event_types_invalid")]
    [InlineData("""{"url":"https://hooks.example.com","event_types":["listing.exploded"]}""", "event_types_invalid")]
    [InlineData("""{"url":"https://hooks.example.com","event_types":"listing.created"}""", "event_types_invalid")]
    [InlineData("""{"url":"https://hooks.example.com","enabled":"yes"}""", "enabled_invalid")]
    [InlineData("""{"url":"https://hooks.example.com","ordered":1}""", "ordered_invalid")]
    [InlineData("""{"url":"https://hooks.example.com","secret":"whsec_mine"}""", "secret_unknown")]
    [InlineData("""{"url":null}""", "url_required")]
    [InlineData("""{"url":"https://hooks.example.com","url":"https://other.example.com"}""", "url_duplicate")]
    public async Task Invalid_endpoints_are_rejected_with_a_reason_and_nothing_is_saved(string body, string code)
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);

        var error = await (await client.PostJsonAsync(Base, body)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains(code, error.ErrorCodes());
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(0, await db.WebhookEndpoints.CountAsync());
    }

    [Fact]
    public async Task A_description_over_500_characters_is_rejected()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var error = await (await client.PostJsonAsync(Base, $$"""{"url":"{{Url}}","description":"{{new string('d', 501)}}"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("description_too_long", error.ErrorCodes());
    }

    [Theory]
    [InlineData("""{"url":"https://hooks.example.com/repurch","description":"ERP\u0000sync"}""", "description_invalid")]
    [InlineData("""{"url":"https://hooks.example.com/repurch","description":"\u001b[31mERP"}""", "description_invalid")]
    [InlineData("""{"url":"https://hooks.example.com/re\u0000purch"}""", "url_invalid")]
    [InlineData("""{"url":"https://hooks.example.com/repurch\u0085"}""", "url_invalid")]
    public async Task Control_characters_are_refused_on_create_and_update_and_nothing_is_saved(string body, string code)
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);

        var created = await (await client.PostJsonAsync(Base, body)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([code], created.ErrorCodes());
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            Assert.Equal(0, await db.WebhookEndpoints.CountAsync());

        // Tab, CR and LF are text, not control characters: a multi-line description is fine.
        var id = (await (await client.PostJsonAsync(Base, $$"""{"url":"{{Url}}","description":"ERP sync\r\n\tnightly"}""")).JsonAsync()).GetProperty("id").GetString()!;
        var updated = await (await client.PatchJsonAsync($"{Base}/{id}", body)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([code], updated.ErrorCodes());
        var unchanged = await (await client.GetAsync($"{Base}/{id}")).JsonAsync();
        Assert.Equal(Url, unchanged.GetProperty("url").GetString());
        Assert.Equal("ERP sync\r\n\tnightly", unchanged.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Malformed_non_object_huge_and_non_json_bodies_are_4xx()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        await (await client.PostJsonAsync(Base, "{\"url\":")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await client.PostJsonAsync(Base, "[1,2]")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        await (await client.PostJsonAsync(Base, $$"""{"url":"{{Url}}","description":"{{new string('x', 300_000)}}"}""")).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        using var text = new StringContent("url=https://hooks.example.com", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        await (await client.PostAsync(Base, text)).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        var id = (await (await client.PostJsonAsync(Base, $$"""{"url":"{{Url}}"}""")).JsonAsync()).GetProperty("id").GetString()!;
        await (await client.PatchJsonAsync($"{Base}/{id}", "{}")).AssertErrorAsync(HttpStatusCode.BadRequest, "no_fields");
        await (await client.PatchJsonAsync($"{Base}/{id}", "{\"url\":\"http://hooks.example.com\"}")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(Url, (await (await client.GetAsync($"{Base}/{id}")).JsonAsync()).GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_brand_has_at_most_twenty_endpoints()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync(Base, $$"""{"url":"{{Url}}/{{i}}"}""")).StatusCode);
        await (await client.PostJsonAsync(Base, $$"""{"url":"{{Url}}/21"}""")).AssertErrorAsync(HttpStatusCode.BadRequest, "too_many_endpoints");
    }

    [Fact]
    public async Task Another_brands_endpoint_is_not_found_and_not_changed()
    {
        var owner = await NewBrandAsync();
        var intruder = await NewBrandAsync();
        using var ownerClient = Api.ClientWith(owner.AdminKey);
        using var client = Api.ClientWith(intruder.AdminKey);
        var id = (await (await ownerClient.PostJsonAsync(Base, $$"""{"url":"{{Url}}"}""")).JsonAsync()).GetProperty("id").GetString()!;

        await (await client.GetAsync($"{Base}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        await (await client.PatchJsonAsync($"{Base}/{id}", """{"url":"https://evil.example.com/"}""")).AssertErrorAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        await (await client.PostAsync($"{Base}/{id}/rotate-secret", null)).AssertErrorAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        await (await client.GetAsync($"{Base}/{id}/deliveries")).AssertErrorAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        await (await client.DeleteAsync($"{Base}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        Assert.Empty((await (await client.GetAsync(Base)).JsonAsync()).GetProperty("data").EnumerateArray());

        var unchanged = await (await ownerClient.GetAsync($"{Base}/{id}")).JsonAsync();
        Assert.Equal(Url, unchanged.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("previous_secret_expires_at").ValueKind);
    }

    [Fact]
    public async Task Endpoints_need_a_partner_admin_key_with_the_right_scope()
    {
        var brand = await NewBrandAsync();
        using var anonymous = Api.ClientWith(null);
        using var member = Api.ClientWith(brand.MemberKey);
        using var readOnly = Api.ClientWith(brand.ReadOnlyKey);
        using var writeOnly = Api.ClientWith(brand.WriteOnlyKey);

        await (await anonymous.GetAsync(Base)).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await member.GetAsync(Base)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await readOnly.PostJsonAsync(Base, $$"""{"url":"{{Url}}"}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await writeOnly.GetAsync(Base)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync(Base)).StatusCode);
    }

    [Fact]
    public async Task Sandbox_endpoints_are_separate_from_live_ones()
    {
        var brand = await NewBrandAsync();
        using var live = Api.ClientWith(brand.AdminKey);
        using var sandbox = Api.ClientWith(brand.SandboxAdminKey);
        var id = (await (await sandbox.PostJsonAsync(Base, $$"""{"url":"{{Url}}"}""")).JsonAsync()).GetProperty("id").GetString()!;
        await (await live.GetAsync($"{Base}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        Assert.Empty((await (await live.GetAsync(Base)).JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Delivery_listing_validates_its_parameters()
    {
        var brand = await NewBrandAsync();
        using var client = Api.ClientWith(brand.AdminKey);
        var id = (await (await client.PostJsonAsync(Base, $$"""{"url":"{{Url}}","event_types":["listing.sold"]}""")).JsonAsync()).GetProperty("id").GetString()!;
        await (await client.GetAsync($"{Base}/{id}/deliveries?status=lost")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        await (await client.GetAsync($"{Base}/{id}/deliveries?per_page=101")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        var empty = await (await client.GetAsync($"{Base}/{id}/deliveries")).JsonAsync();
        Assert.Equal(0, empty.GetProperty("meta").GetProperty("total").GetInt32());
    }
}
