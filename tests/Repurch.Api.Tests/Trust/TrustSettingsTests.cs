using System.Net;
using System.Text;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Trust;

/// <summary><c>/v1/partner/settings/trust</c>: a brand's allowed domains and hold-or-block choices, and that screening follows them.</summary>
public sealed class TrustSettingsTests : ApiTest
{
    private const string Url = "/v1/partner/settings/trust";
    private const string ShopLink = "Photos of the sofa are on shop.oakhouse-furniture.co.uk/sofa-12 if you want more angles";

    private static async Task<JsonElement> GetAsync(HttpClient client)
    {
        var response = await client.GetAsync(Url);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    private static async Task<JsonElement> PatchAsync(HttpClient client, string json)
    {
        var response = await client.PatchJsonAsync(Url, json);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    private static async Task<JsonElement> ScreenAsync(HttpClient client, string text)
    {
        var response = await client.PostJsonAsync("/v1/trust/screen", JsonSerializer.Serialize(new { text }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task A_new_brand_has_the_default_policy()
    {
        var brand = await NewBrandAsync();

        var body = await GetAsync(Api.ClientWith(brand.ReadOnlyKey));

        Assert.Equal(brand.Id, body.GetProperty("brand_id").GetString());
        Assert.Empty(Strings(body.GetProperty("allowed_domains")));
        var actions = body.GetProperty("actions");
        Assert.Equal("hold", actions.GetProperty("contact_details").GetString());
        Assert.Equal("hold", actions.GetProperty("suspicious_link").GetString());
        Assert.Equal("block", actions.GetProperty("off_platform_payment").GetString());
        Assert.Equal("block", actions.GetProperty("payment_scam").GetString());
        Assert.Equal("block", actions.GetProperty("credential_request").GetString());
        Assert.Empty(Strings(body.GetProperty("customized")));
        Assert.Contains("repurch.com", Strings(body.GetProperty("platform_domains")));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("updated_at").ValueKind);
        Assert.Equal(Repurch.Api.Features.Trust.MessageScreener.Version, body.GetProperty("validator_version").GetString());
    }

    [Fact]
    public async Task An_allowed_domain_stops_its_links_being_suspicious_for_that_brand_only()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        Assert.Contains("suspicious_link", Strings((await ScreenAsync(client, ShopLink)).GetProperty("reasons")));

        var body = await PatchAsync(client, """{"allowed_domains": ["Oakhouse-Furniture.CO.UK.", "oakhouse-furniture.co.uk", "bücher.example"]}""");

        Assert.Equal(["oakhouse-furniture.co.uk", "xn--bcher-kva.example"], Strings(body.GetProperty("allowed_domains")));
        Assert.NotEqual(JsonValueKind.Null, body.GetProperty("updated_at").ValueKind);
        var screened = await ScreenAsync(client, ShopLink);
        Assert.Equal("allow", screened.GetProperty("verdict").GetString());
        Assert.Empty(Strings(screened.GetProperty("reasons")));
        // Another brand's screening is untouched, and so is its policy.
        Assert.Contains("suspicious_link", Strings((await ScreenAsync(Api.ClientWith(other.AdminKey), ShopLink)).GetProperty("reasons")));
        Assert.Empty(Strings((await GetAsync(Api.ClientWith(other.AdminKey))).GetProperty("allowed_domains")));

        // A lookalike of the allowed name is still suspicious.
        var lookalike = await ScreenAsync(client, "Pay the balance at oakhouse-furniture.co.uk.secure-pay.top/checkout");
        Assert.Contains("suspicious_link", Strings(lookalike.GetProperty("reasons")));

        // null clears the list.
        Assert.Empty(Strings((await PatchAsync(client, """{"allowed_domains": null}""")).GetProperty("allowed_domains")));
        Assert.Contains("suspicious_link", Strings((await ScreenAsync(client, ShopLink)).GetProperty("reasons")));
    }

    [Fact]
    public async Task A_reason_can_block_instead_of_hold_and_go_back_to_the_default()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        const string phone = "Text me on 07911 123456 and we can sort the collection";
        Assert.Equal("hold", (await ScreenAsync(client, phone)).GetProperty("verdict").GetString());

        var body = await PatchAsync(client, """{"actions": {"contact_details": "block", "payment_scam": "hold"}}""");
        Assert.Equal("block", body.GetProperty("actions").GetProperty("contact_details").GetString());
        Assert.Equal("hold", body.GetProperty("actions").GetProperty("payment_scam").GetString());
        Assert.Equal(["contact_details", "payment_scam"], Strings(body.GetProperty("customized")));
        Assert.Equal("block", (await ScreenAsync(client, phone)).GetProperty("verdict").GetString());

        // Naming one reason leaves the others; null for a reason restores its default.
        body = await PatchAsync(client, """{"actions": {"contact_details": null}}""");
        Assert.Equal("hold", body.GetProperty("actions").GetProperty("contact_details").GetString());
        Assert.Equal(["payment_scam"], Strings(body.GetProperty("customized")));
        Assert.Equal("hold", (await ScreenAsync(client, phone)).GetProperty("verdict").GetString());

        // null for the whole object restores every default.
        body = await PatchAsync(client, """{"actions": null}""");
        Assert.Empty(Strings(body.GetProperty("customized")));
        Assert.Equal("block", body.GetProperty("actions").GetProperty("payment_scam").GetString());
    }

    [Fact]
    public async Task Conversation_messages_follow_the_brands_policy()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var buyer = await TestAccount.CreateAsync(Api, brand);
        await PatchAsync(partner, """{"actions": {"contact_details": "block"}}""");

        var (_, _, message) = await Conversations.Talk.OpenAsync(buyer.Client(Api), listing, Conversations.Talk.Contact);

        Assert.Equal("blocked", message.GetProperty("status").GetString());
        Assert.Equal(["contact_details"], Strings(message.GetProperty("reasons")));
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_log_and_a_repeat_changes_nothing()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);

        await PatchAsync(client, """{"allowed_domains": ["oakhouse.co.uk"], "actions": {"suspicious_link": "block"}}""");
        var first = await GetAsync(client);
        await PatchAsync(client, """{"allowed_domains": ["oakhouse.co.uk"], "actions": {"suspicious_link": "block"}}""");

        var log = await (await client.GetAsync("/v1/partner/audit-log")).JsonAsync();
        var entries = log.GetProperty("data").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "settings.trust.updated").ToArray();
        var entry = Assert.Single(entries);
        var changes = entry.GetProperty("changes");
        Assert.Equal(["oakhouse.co.uk"], Strings(changes.GetProperty("allowed_domains").GetProperty("to")));
        Assert.Empty(Strings(changes.GetProperty("allowed_domains").GetProperty("from")));
        Assert.Equal("block", changes.GetProperty("actions.suspicious_link").GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Null, changes.GetProperty("actions.suspicious_link").GetProperty("from").ValueKind);
        Assert.Equal(first.GetProperty("updated_at").GetString(), (await GetAsync(client)).GetProperty("updated_at").GetString());
    }

    [Theory]
    [InlineData("""{"allowed_domains": "oakhouse.co.uk"}""", "allowed_domains_invalid")]
    [InlineData("""{"allowed_domains": [1]}""", "allowed_domains_invalid")]
    [InlineData("""{"allowed_domains": [null]}""", "allowed_domains_invalid")]
    [InlineData("""{"allowed_domains": ["https://oakhouse.co.uk/shop"]}""", "allowed_domain_invalid")]
    [InlineData("""{"allowed_domains": ["*.oakhouse.co.uk"]}""", "allowed_domain_invalid")]
    [InlineData("""{"allowed_domains": ["10.0.0.1"]}""", "allowed_domain_invalid")]
    // Control characters anywhere in a field are that field's code (the shared body reader's rule).
    [InlineData("""{"allowed_domains": ["oak\u0000house.co.uk"]}""", "allowed_domains_invalid")]
    [InlineData("""{"allowed_domains": [""]}""", "allowed_domain_invalid")]
    [InlineData("""{"actions": "block"}""", "actions_invalid")]
    [InlineData("""{"actions": ["block"]}""", "actions_invalid")]
    [InlineData("""{"actions": {"contact_details": "allow"}}""", "actions_contact_details_invalid")]
    [InlineData("""{"actions": {"contact_details": 1}}""", "actions_contact_details_invalid")]
    [InlineData("""{"actions": {"spam": "hold"}}""", "actions_spam_unknown")]
    [InlineData("""{"actions": {"contact_details": "hold", "contact_details": "block"}}""", "actions_contact_details_duplicate")]
    [InlineData("""{"colour": "red"}""", "colour_unknown")]
    [InlineData("""{"allowed_domains": [], "allowed_domains": []}""", "allowed_domains_duplicate")]
    public async Task Bad_fields_are_validation_failed_and_nothing_is_saved(string json, string code)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        // A valid field beside the bad one is not saved either.
        var withValid = json.Contains("allowed_domains", StringComparison.Ordinal) ? json : json.Insert(1, """ "allowed_domains": ["oakhouse.co.uk"], """);

        var body = await (await client.PatchJsonAsync(Url, withValid)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains(code, body.ErrorCodes());
        var after = await GetAsync(client);
        Assert.Empty(Strings(after.GetProperty("allowed_domains")));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("updated_at").ValueKind);
    }

    [Fact]
    public async Task More_than_fifty_domains_is_refused_and_fifty_is_kept()
    {
        var client = Api.ClientWith((await NewBrandAsync()).AdminKey);
        string Domains(int n) => JsonSerializer.Serialize(new { allowed_domains = Enumerable.Range(1, n).Select(i => $"shop{i}.example.com") });

        var body = await (await client.PatchJsonAsync(Url, Domains(51))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("allowed_domains_invalid", body.ErrorCodes());

        Assert.Equal(50, (await PatchAsync(client, Domains(50))).GetProperty("allowed_domains").GetArrayLength());
    }

    [Theory]
    [InlineData("{}", HttpStatusCode.BadRequest, "no_fields")]
    [InlineData("{\"actions\": ", HttpStatusCode.BadRequest, "invalid_json")]
    [InlineData("[]", HttpStatusCode.BadRequest, "invalid_body")]
    [InlineData("""{"allowed_domains": ["oak\ud800house.co.uk"]}""", HttpStatusCode.BadRequest, "invalid_json")]
    [InlineData("\"trust\"", HttpStatusCode.BadRequest, "invalid_body")]
    public async Task Malformed_bodies_are_refused(string json, HttpStatusCode status, string code)
    {
        var client = Api.ClientWith((await NewBrandAsync()).AdminKey);

        await (await client.PatchJsonAsync(Url, json)).AssertErrorAsync(status, code);
    }

    [Fact]
    public async Task Invalid_utf8_huge_and_non_json_bodies_are_refused()
    {
        var client = Api.ClientWith((await NewBrandAsync()).AdminKey);

        var bytes = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        bytes.Headers.ContentType = new("application/json");
        await (await client.PatchAsync(Url, bytes)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");

        var huge = "{\"allowed_domains\": [\"" + new string('a', 2 * 1024 * 1024) + ".com\"]}";
        await (await client.PatchJsonAsync(Url, huge)).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        var text = new StringContent("allowed_domains=oakhouse.co.uk", Encoding.UTF8, "text/plain");
        await (await client.PatchAsync(Url, text)).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Reading_needs_a_key_and_changing_needs_the_write_scope()
    {
        var brand = await NewBrandAsync();

        await (await Api.ClientWith(null).GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        var denied = await Api.ClientWith(brand.ReadOnlyKey).PatchJsonAsync(Url, """{"actions": {"contact_details": "block"}}""");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("hold", (await GetAsync(Api.ClientWith(brand.AdminKey))).GetProperty("actions").GetProperty("contact_details").GetString());
    }

    [Fact]
    public async Task Concurrent_first_changes_of_one_brand_both_succeed()
    {
        var client = Api.ClientWith((await NewBrandAsync()).AdminKey);

        var answers = await Task.WhenAll(
            client.PatchJsonAsync(Url, """{"actions": {"contact_details": "block"}}"""),
            client.PatchJsonAsync(Url, """{"allowed_domains": ["oakhouse.co.uk"]}"""));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var after = await GetAsync(client);
        Assert.Equal(["oakhouse.co.uk"], Strings(after.GetProperty("allowed_domains")));
        Assert.Equal("block", after.GetProperty("actions").GetProperty("contact_details").GetString());
    }
}
