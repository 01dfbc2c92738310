using System.Net;
using System.Text;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Settings;

/// <summary>
/// /v1/partner/settings/domains: add a host pending, publish its TXT record, verify, delete. DNS is
/// <see cref="TestTxtRecords"/>: hosts under .test, each test its own.
/// </summary>
public sealed class DomainSettingsTests : ApiTest
{
    private const string Url = "/v1/partner/settings/domains";

    private static string NewHost(string prefix = "exchange") => $"{prefix}.b{Guid.NewGuid().ToString("N")[..12]}.test";

    private static string Body(string host, string storefront = "exchange") => $$"""{"host": "{{host}}", "storefront": "{{storefront}}"}""";

    [Fact]
    public async Task A_domain_is_added_pending_and_verified_by_its_txt_record()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var host = NewHost();

        var created = await client.PostJsonAsync(Url, Body(host.ToUpperInvariant() + "."));
        var domain = await created.JsonAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{Url}/{host}", created.Headers.Location?.ToString());
        Assert.Equal(["host", "storefront", "status", "verification", "verified_at", "created_at"], domain.EnumerateObject().Select(p => p.Name));
        Assert.Equal(host, domain.GetProperty("host").GetString());
        Assert.Equal("exchange", domain.GetProperty("storefront").GetString());
        Assert.Equal("pending", domain.GetProperty("status").GetString());
        var record = domain.GetProperty("verification");
        Assert.Equal("TXT", record.GetProperty("type").GetString());
        Assert.Equal("_repurch-challenge." + host, record.GetProperty("name").GetString());
        var value = record.GetProperty("value").GetString()!;
        Assert.Matches("^repurch-verify=[0-9a-f]{32}$", value);

        // Not published yet: refused, still pending.
        var early = await (await client.PostAsync($"{Url}/{host}/verify", null)).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "domain_unverified");
        Assert.Contains(value, early.GetProperty("message").GetString());
        TestTxtRecords.Publish("_repurch-challenge." + host, "v=spf1 -all", "repurch-verify=" + new string('0', 32));
        await (await client.PostAsync($"{Url}/{host}/verify", null)).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "domain_unverified");
        Assert.Equal("pending", (await client.GetAsync(Url).OkJsonAsync()).GetProperty("data")[0].GetProperty("status").GetString());

        TestTxtRecords.Publish("_repurch-challenge." + host, "v=spf1 -all", value);
        var verified = await client.PostAsync($"{Url}/{host}/verify", null).OkJsonAsync();
        Assert.Equal("verified", verified.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, verified.GetProperty("verified_at").ValueKind);
        // Verifying again changes nothing, even once the record is gone.
        TestTxtRecords.Publish("_repurch-challenge." + host);
        Assert.Equal(verified.ToString(), (await client.PostAsync($"{Url}/{host}/verify", null).OkJsonAsync()).ToString());

        var list = await client.GetAsync(Url).OkJsonAsync();
        Assert.Equal(verified.ToString(), Assert.Single(list.GetProperty("data").EnumerateArray()).ToString());
        var actions = (await SettingsTestSupport.AuditEntriesAsync(client)).Select(e => e.GetProperty("action").GetString()).ToArray();
        Assert.Contains("settings.domain.created", actions);
        Assert.Contains("settings.domain.verified", actions);
    }

    [Fact]
    public async Task A_host_verified_by_one_brand_cannot_be_verified_by_another_until_it_is_deleted()
    {
        var first = Api.ClientWith((await NewBrandAsync()).AdminKey);
        var second = Api.ClientWith((await NewBrandAsync()).AdminKey);
        var host = NewHost("clearance");
        var mine = await first.PostJsonAsync(Url, Body(host, "clearance")).OkJsonAsync(HttpStatusCode.Created);
        // Adding does not claim: the other brand may add the same host, with its own token.
        var theirs = await second.PostJsonAsync(Url, Body(host, "clearance")).OkJsonAsync(HttpStatusCode.Created);
        Assert.NotEqual(mine.GetProperty("verification").GetProperty("value").GetString(), theirs.GetProperty("verification").GetProperty("value").GetString());

        TestTxtRecords.Publish("_repurch-challenge." + host, mine.GetProperty("verification").GetProperty("value").GetString()!, theirs.GetProperty("verification").GetProperty("value").GetString()!);
        await first.PostAsync($"{Url}/{host}/verify", null).OkJsonAsync();
        await (await second.PostAsync($"{Url}/{host}/verify", null)).AssertErrorAsync(HttpStatusCode.Conflict, "domain_taken");
        Assert.Equal("pending", (await second.GetAsync(Url).OkJsonAsync()).GetProperty("data")[0].GetProperty("status").GetString());

        // Another brand's domain is not there for it: 404, nothing changed.
        var other = Api.ClientWith((await NewBrandAsync()).AdminKey);
        await (await other.DeleteAsync($"{Url}/{host}")).AssertErrorAsync(HttpStatusCode.NotFound, "domain_not_found");
        await (await other.PostAsync($"{Url}/{host}/verify", null)).AssertErrorAsync(HttpStatusCode.NotFound, "domain_not_found");
        Assert.Equal(0, (await other.GetAsync(Url).OkJsonAsync()).GetProperty("data").GetArrayLength());

        var deleted = await first.DeleteAsync($"{Url}/{host}").OkJsonAsync();
        Assert.Equal($$"""{"deleted":true,"host":"{{host}}"}""", deleted.GetRawText().Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(0, (await first.GetAsync(Url).OkJsonAsync()).GetProperty("data").GetArrayLength());
        Assert.Equal("verified", (await second.PostAsync($"{Url}/{host}/verify", null).OkJsonAsync()).GetProperty("status").GetString());
        await (await first.DeleteAsync($"{Url}/{host}")).AssertErrorAsync(HttpStatusCode.NotFound, "domain_not_found");
    }

    [Fact]
    public async Task International_names_are_stored_in_punycode_and_found_either_way()
    {
        var client = Api.ClientWith((await NewBrandAsync()).AdminKey);
        var label = $"möbel-{Guid.NewGuid():N}"[..14];
        var created = await client.PostJsonAsync(Url, Body($"{label}.test")).OkJsonAsync(HttpStatusCode.Created);
        var host = created.GetProperty("host").GetString()!;
        Assert.StartsWith("xn--", host);
        // Named either way in a URL.
        await (await client.PostAsync($"{Url}/{Uri.EscapeDataString(label)}.test/verify", null)).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "domain_unverified");
        var deleted = await client.DeleteAsync($"{Url}/{Uri.EscapeDataString(label.ToUpperInvariant())}.test").OkJsonAsync();
        Assert.Equal(host, deleted.GetProperty("host").GetString());
    }

    [Fact]
    public async Task The_same_host_twice_is_a_conflict_and_a_brand_has_at_most_twenty()
    {
        var client = Api.ClientWith((await NewBrandAsync()).AdminKey);
        var host = NewHost();
        await client.PostJsonAsync(Url, Body(host)).OkJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync(Url, Body(host.ToUpperInvariant(), "clearance"))).AssertErrorAsync(HttpStatusCode.Conflict, "domain_exists");
        for (var i = 1; i < 20; i++) await client.PostJsonAsync(Url, Body(NewHost($"s{i}"))).OkJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync(Url, Body(NewHost()))).AssertErrorAsync(HttpStatusCode.BadRequest, "too_many_domains");
        Assert.Equal(20, (await client.GetAsync(Url).OkJsonAsync()).GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"storefront": "exchange"}""", "host_required")]
    [InlineData("""{"host": "shop.example.test"}""", "storefront_required")]
    [InlineData("""{"host": "https://shop.example.test", "storefront": "exchange"}""", "host_invalid")]
    [InlineData("""{"host": "shop.example.test:8443", "storefront": "exchange"}""", "host_invalid")]
    [InlineData("""{"host": "shop.example.test/path", "storefront": "exchange"}""", "host_invalid")]
    [InlineData("""{"host": "*.example.test", "storefront": "exchange"}""", "host_invalid")]
    [InlineData("""{"host": "192.168.0.1", "storefront": "exchange"}""", "host_invalid")]
    [InlineData("""{"host": "intranet", "storefront": "exchange"}""", "host_invalid")]
    [InlineData("""{"host": "-bad-.example.test", "storefront": "exchange"}""", "host_invalid")]
    [InlineData("""{"host": "shop\u0000.example.test", "storefront": "exchange"}""", "host_invalid")]
    [InlineData("""{"host": 42, "storefront": "exchange"}""", "host_invalid")]
    [InlineData("""{"host": "clearance.sofalistic.co.uk", "storefront": "clearance"}""", "host_reserved")]
    [InlineData("""{"host": "Repurch.com", "storefront": "clearance"}""", "host_reserved")]
    [InlineData("""{"host": "exchange.acme.localhost", "storefront": "exchange"}""", "host_reserved")]
    [InlineData("""{"host": "shop.example.test", "storefront": "outlet"}""", "storefront_invalid")]
    [InlineData("""{"host": "shop.example.test", "storefront": "exchange", "https": true}""", "https_unknown")]
    [InlineData("""{"host": "a.test", "host": "b.test", "storefront": "exchange"}""", "host_duplicate")]
    public async Task Bad_fields_are_validation_errors_and_nothing_is_added(string json, string code)
    {
        var client = Api.ClientWith((await NewBrandAsync()).AdminKey);
        var body = await (await client.PostJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(code, body.ErrorCodes());
        Assert.Equal(0, (await client.GetAsync(Url).OkJsonAsync()).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_host_over_253_characters_is_invalid()
    {
        var client = Api.ClientWith((await NewBrandAsync()).AdminKey);
        var host = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".test";
        var body = await (await client.PostJsonAsync(Url, Body(host))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["host_invalid"], body.ErrorCodes());
        await (await client.DeleteAsync($"{Url}/{host}")).AssertErrorAsync(HttpStatusCode.NotFound, "domain_not_found");
    }

    [Fact]
    public async Task Malformed_empty_and_oversized_bodies_are_refused()
    {
        var client = Api.ClientWith((await NewBrandAsync()).AdminKey);
        await (await client.PostJsonAsync(Url, "{\"host\": ")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await client.PostJsonAsync(Url, "[]")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        var empty = await (await client.PostJsonAsync(Url, "")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["host_required", "storefront_required"], empty.ErrorCodes());
        await (await client.PostJsonAsync(Url, SettingsTestSupport.OversizedBody("host"))).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        using var text = new StringContent(Body(NewHost()), Encoding.UTF8, "text/plain");
        await (await client.PostAsync(Url, text)).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Equal(0, (await client.GetAsync(Url).OkJsonAsync()).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Keys_without_the_right_scope_or_role_are_refused()
    {
        var brand = await NewBrandAsync();
        var host = NewHost();
        await (await Api.ClientWith(brand.ReadOnlyKey).PostJsonAsync(Url, Body(host))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0, (await Api.ClientWith(brand.ReadOnlyKey).GetAsync(Url).OkJsonAsync()).GetProperty("data").GetArrayLength());
        await (await Api.ClientWith(brand.WriteOnlyKey).GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.MemberKey).PostJsonAsync(Url, Body(host))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(null).GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith("re_pk_live_nonsense").PostJsonAsync(Url, Body(host))).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        // A sandbox key works on the sandbox plane's own list.
        var sandbox = Api.ClientWith(brand.SandboxAdminKey);
        await sandbox.PostJsonAsync(Url, Body(host)).OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal(0, (await Api.ClientWith(brand.AdminKey).GetAsync(Url).OkJsonAsync()).GetProperty("data").GetArrayLength());
    }
}
