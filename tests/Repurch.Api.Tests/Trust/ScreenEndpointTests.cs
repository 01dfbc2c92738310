using System.Net;
using System.Text;
using System.Text.Json;
using Repurch.Api.Features.Trust;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Trust;

public sealed class ScreenEndpointTests : ApiTest
{
    private const string Url = "/v1/trust/screen";

    private async Task<HttpClient> AdminAsync() => Api.ClientWith((await NewBrandAsync()).AdminKey);

    private static string Body(string text) => JsonSerializer.Serialize(new { text });

    private static async Task<JsonElement> ScreenAsync(HttpClient client, string text)
    {
        var response = await client.PostJsonAsync(Url, Body(text));
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        return body;
    }

    private static string[] Reasons(JsonElement body) => [.. body.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)];

    private static (string Type, int Start, int End)[] Signals(JsonElement body) =>
        [.. body.GetProperty("signals").EnumerateArray().Select(s => (s.GetProperty("type").GetString()!, s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32()))];

    [Fact]
    public async Task Ordinary_message_is_allowed_with_no_reasons_or_signals()
    {
        var client = await AdminAsync();

        var body = await ScreenAsync(client, "Is the grey sofa still available? It's 210 x 95 x 88 cm, would you take £450? I can collect Saturday at 10:30.");

        Assert.Equal("allow", body.GetProperty("verdict").GetString());
        Assert.Empty(Reasons(body));
        Assert.Empty(Signals(body));
        Assert.Equal(MessageScreener.Version, body.GetProperty("validator_version").GetString());
    }

    [Fact]
    public async Task Phone_number_is_held_as_contact_details_with_its_offsets()
    {
        var client = await AdminAsync();
        const string text = "Lovely table. Text me on 07911 123456 and we can arrange viewing";

        var body = await ScreenAsync(client, text);

        Assert.Equal("hold", body.GetProperty("verdict").GetString());
        Assert.Equal(["contact_details"], Reasons(body));
        var phone = Assert.Single(Signals(body), s => s.Type == "phone_number");
        Assert.Equal("07911 123456", text[phone.Start..phone.End]);
    }

    [Fact]
    public async Task Bank_details_are_blocked_as_off_platform_payment()
    {
        var client = await AdminAsync();
        const string text = "Just do a bank transfer instead, sort code 20-45-77 account 41234567";

        var body = await ScreenAsync(client, text);

        Assert.Equal("block", body.GetProperty("verdict").GetString());
        Assert.Contains("off_platform_payment", Reasons(body));
        var details = Assert.Single(Signals(body), s => s.Type == "bank_details" && text[s.Start..s.End].Contains("41234567", StringComparison.Ordinal));
        Assert.StartsWith("20-45-77", text[details.Start..details.End], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_and_link_are_found_together()
    {
        var client = await AdminAsync();
        const string text = "Email me at dave.smith@gmail.com or see photos at photos-dave.net/sofa";

        var body = await ScreenAsync(client, text);

        Assert.Equal(["contact_details", "suspicious_link"], Reasons(body));
        var signals = Signals(body);
        var email = Assert.Single(signals, s => s.Type == "email_address");
        Assert.Equal("dave.smith@gmail.com", text[email.Start..email.End]);
        var link = Assert.Single(signals, s => s.Type == "link");
        Assert.Equal("photos-dave.net/sofa", text[link.Start..link.End]);
    }

    [Fact]
    public async Task Platform_links_are_ordinary()
    {
        var client = await AdminAsync();

        var body = await ScreenAsync(client, "Here's the listing: https://www.sofalistic.com/listings/grey-sofa and the help page repurch.com/help");

        Assert.Equal("allow", body.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Offsets_point_into_the_original_text_through_disguises()
    {
        var client = await AdminAsync();
        // Zero-width spaces inside the number, fullwidth digits and a Cyrillic "о" in "whatsapp".
        const string text = "Message me on wh\u0430tsapp: ０７９\u200B１１ 1\u200B23456 thanks";

        var body = await ScreenAsync(client, text);

        Assert.Equal("hold", body.GetProperty("verdict").GetString());
        var signals = Signals(body);
        var phone = Assert.Single(signals, s => s.Type == "phone_number");
        Assert.Equal("０７９\u200B１１ 1\u200B23456", text[phone.Start..phone.End]);
        var app = Assert.Single(signals, s => s.Type == "messaging_app");
        Assert.Contains("wh\u0430tsapp", text[app.Start..app.End], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_may_have_line_breaks()
    {
        var client = await AdminAsync();

        var body = await ScreenAsync(client, "Hi,\n\nStill available?\r\n\tThanks");

        Assert.Equal("allow", body.GetProperty("verdict").GetString());
    }

    [Theory]
    [InlineData("{}", "text_required")]
    [InlineData("""{"text":null}""", "text_required")]
    [InlineData("""{"text":"   "}""", "text_required")]
    [InlineData("""{"text":42}""", "text_invalid")]
    [InlineData("""{"text":["a"]}""", "text_invalid")]
    [InlineData("""{"text":"a\u0000b"}""", "text_invalid")]
    [InlineData("""{"text":"a\u001bb"}""", "text_invalid")]
    [InlineData("""{"text":"hi","extra":1}""", "extra_unknown")]
    [InlineData("""{"text":"hi","text":"again"}""", "text_duplicate")]
    public async Task Bad_fields_are_validation_failed(string json, string code)
    {
        var client = await AdminAsync();

        var error = await (await client.PostJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains(code, error.ErrorCodes());
    }

    [Fact]
    public async Task Empty_body_is_text_required()
    {
        var client = await AdminAsync();

        var error = await (await client.PostJsonAsync(Url, "")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["text_required"], error.ErrorCodes());
    }

    [Fact]
    public async Task Text_over_the_limit_is_text_too_long_and_at_the_limit_is_screened()
    {
        var client = await AdminAsync();

        var error = await (await client.PostJsonAsync(Url, Body(new string('a', TrustEndpoints.MaxText + 1)))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["text_too_long"], error.ErrorCodes());

        var body = await ScreenAsync(client, string.Concat(Enumerable.Repeat("the sofa is lovely ", TrustEndpoints.MaxText / 19)));
        Assert.Equal("allow", body.GetProperty("verdict").GetString());
    }

    [Theory]
    [InlineData("{\"text\":")]
    [InlineData("{\"text\":\"unterminated}")]
    [InlineData("not json")]
    public async Task Malformed_json_is_invalid_json(string json)
    {
        var client = await AdminAsync();

        await (await client.PostJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    public async Task Json_that_is_not_an_object_is_invalid_body(string json)
    {
        var client = await AdminAsync();

        await (await client.PostJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
    }

    [Fact]
    public async Task Invalid_utf8_is_invalid_json()
    {
        var client = await AdminAsync();
        byte[] bytes = [.. "{\"text\":\"hi "u8, 0xC3, 0x28, .. " there\"}"u8];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");

        await (await client.PostAsync(Url, content)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task One_megabyte_body_is_payload_too_large()
    {
        var client = await AdminAsync();

        await (await client.PostJsonAsync(Url, Body(new string('a', 1024 * 1024)))).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Non_json_content_type_is_unsupported()
    {
        var client = await AdminAsync();

        var response = await client.PostAsync(Url, new StringContent("text=hi", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Needs_a_key()
    {
        var response = await Api.ClientWith(null).PostJsonAsync(Url, Body("hi"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Needs_the_read_scope_of_an_admin_key()
    {
        var brand = await NewBrandAsync();

        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(brand.ReadOnlyKey).PostJsonAsync(Url, Body("hi"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ClientWith(brand.WriteOnlyKey).PostJsonAsync(Url, Body("hi"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ClientWith(brand.MemberKey).PostJsonAsync(Url, Body("hi"))).StatusCode);
    }
}
