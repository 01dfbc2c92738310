using System.Net;
using System.Text;
using Repurch.Api.Tests.Infrastructure;
using static Repurch.Api.Tests.Conversations.Talk;

namespace Repurch.Api.Tests.Conversations;

/// <summary>Every message-writing endpoint refuses bad bodies with a clear 4xx and writes nothing.</summary>
public sealed class MessageBadInputTests : ApiTest
{
    private sealed record Target(HttpClient Client, string Url, bool Open);

    private async Task<(TestBrand Brand, Target[] Targets)> SetupAsync()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var buyer = (await TestAccount.CreateAsync(Api, brand)).Client(Api);
        var (_, id, first) = await OpenAsync(buyer, listing, Ordinary);
        var messageId = first.GetProperty("id").GetString();
        return (brand, [
            new(buyer, "/v1/me/conversations", true),
            new(buyer, $"/v1/me/conversations/{id}/messages", false),
            new(buyer, $"/v1/me/conversations/{id}/messages/{messageId}/edits", false),
            new(partner, $"/v1/conversations/{id}/messages", false),
        ]);
    }

    private static string Body(Target t, string textJson) => t.Open ? $$"""{"listing_id": 1, "text": {{textJson}}}""" : $$"""{"text": {{textJson}}}""";

    private async Task AssertNothingWrittenAsync(TestBrand brand, Func<Target, HttpContent> content, HttpStatusCode status, string code, string? field = null)
    {
        var (_, targets) = (brand, await TargetsAsync(brand));
        var before = await MessageCountAsync(Api, brand.Id);
        foreach (var t in targets)
        {
            var response = await t.Client.PostAsync(t.Url, content(t));
            var body = await response.AssertErrorAsync(status, code);
            if (field is not null) Assert.Contains(field, body.ErrorCodes());
        }
        Assert.Equal(before, await MessageCountAsync(Api, brand.Id));
    }

    private readonly Dictionary<string, Target[]> targets = [];

    private Task<Target[]> TargetsAsync(TestBrand brand) => Task.FromResult(targets[brand.Id]);

    private async Task<TestBrand> BrandAsync()
    {
        var (brand, t) = await SetupAsync();
        targets[brand.Id] = t;
        return brand;
    }

    [Fact]
    public async Task Malformed_json_and_non_objects_are_refused()
    {
        var brand = await BrandAsync();
        await AssertNothingWrittenAsync(brand, _ => HttpExtensions.JsonContent("""{"text": "unterminated"""), HttpStatusCode.BadRequest, "invalid_json");
        await AssertNothingWrittenAsync(brand, _ => HttpExtensions.JsonContent("""["text"]"""), HttpStatusCode.BadRequest, "invalid_body");
        await AssertNothingWrittenAsync(brand, _ => new StringContent("text=hello", Encoding.UTF8, "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Missing_blank_wrong_typed_unknown_and_too_long_text_are_field_codes()
    {
        var brand = await BrandAsync();
        await AssertNothingWrittenAsync(brand, _ => HttpExtensions.JsonContent(""), HttpStatusCode.BadRequest, "validation_failed", "text_required");
        await AssertNothingWrittenAsync(brand, t => HttpExtensions.JsonContent(Body(t, "\"   \"")), HttpStatusCode.BadRequest, "validation_failed", "text_required");
        await AssertNothingWrittenAsync(brand, t => HttpExtensions.JsonContent(Body(t, "null")), HttpStatusCode.BadRequest, "validation_failed", "text_required");
        await AssertNothingWrittenAsync(brand, t => HttpExtensions.JsonContent(Body(t, "42")), HttpStatusCode.BadRequest, "validation_failed", "text_invalid");
        await AssertNothingWrittenAsync(brand, t => HttpExtensions.JsonContent(Body(t, "[\"hi\"]")), HttpStatusCode.BadRequest, "validation_failed", "text_invalid");
        await AssertNothingWrittenAsync(brand, t => HttpExtensions.JsonContent(Body(t, $"\"{new string('a', 4001)}\"")), HttpStatusCode.BadRequest, "validation_failed", "text_too_long");
        await AssertNothingWrittenAsync(brand, _ => HttpExtensions.JsonContent("""{"text": "hi", "text": "again", "listing_id": 1}"""), HttpStatusCode.BadRequest, "validation_failed", "text_duplicate");
        await AssertNothingWrittenAsync(brand, t => HttpExtensions.JsonContent(Body(t, "\"hi\"").Replace("{", "{\"to\": \"x\", ")), HttpStatusCode.BadRequest, "validation_failed", "to_unknown");
        var open = targets[brand.Id][0];
        var wrongListing = await open.Client.PostAsync(open.Url, HttpExtensions.JsonContent("""{"listing_id": "12", "text": "hi"}"""));
        Assert.Contains("listing_id_invalid", (await wrongListing.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
        var noListing = await open.Client.PostAsync(open.Url, HttpExtensions.JsonContent("""{"text": "hi"}"""));
        Assert.Contains("listing_id_required", (await noListing.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
    }

    [Fact]
    public async Task Control_characters_are_refused_but_newlines_and_tabs_are_text()
    {
        var brand = await BrandAsync();
        foreach (var control in new[] { "\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085" })
            await AssertNothingWrittenAsync(brand, t => HttpExtensions.JsonContent(Body(t, $"\"hello{control}there\"")), HttpStatusCode.BadRequest, "validation_failed", "text_invalid");
        await AssertNothingWrittenAsync(brand, t => HttpExtensions.JsonContent(Body(t, "\"\\ud800\"")), HttpStatusCode.BadRequest, "invalid_json");

        var send = targets[brand.Id][1];
        var ok = await SendAsync(send.Client, send.Url, "Two lines:\n\tindented\r\nand the end");
        Assert.Equal("Two lines:\n\tindented\r\nand the end", ok.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public async Task Invalid_utf8_is_invalid_json(byte[] bad)
    {
        var brand = await BrandAsync();
        await AssertNothingWrittenAsync(brand, t =>
        {
            var json = Encoding.UTF8.GetBytes(Body(t, "\"hello XX there\""));
            var at = Encoding.UTF8.GetBytes(Body(t, "\"hello ")).Length;
            return Raw([.. json[..at], .. bad, .. json[(at + 2)..]]);
        }, HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task A_one_megabyte_body_is_payload_too_large()
    {
        var brand = await BrandAsync();
        var big = new string('a', 1024 * 1024);
        await AssertNothingWrittenAsync(brand, t => HttpExtensions.JsonContent(Body(t, $"\"{big}\"")), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Four_thousand_characters_of_emoji_are_one_message()
    {
        var brand = await BrandAsync();
        var send = targets[brand.Id][1];
        var text = string.Concat(Enumerable.Repeat("🛋", 4000));
        var sent = await SendAsync(send.Client, send.Url, text);
        Assert.Equal(text, sent.GetProperty("text").GetString());
    }
}
