using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Listings;

/// <summary>
/// Hostile and broken request bodies on POST and PATCH /v1/listings. None may cause a 500; every
/// rejection is the error shape <c>{"code","message","data":{"status"}}</c> and writes nothing.
/// </summary>
public sealed class BadInputTests : ApiTest
{
    private const int Limit = 256 * 1024;

    // ---- syntax -------------------------------------------------------------------------------

    [Theory]
    [InlineData("{\"title\":")]
    [InlineData("{\"title\":\"Sofa\",}")]
    [InlineData("{\"faults\":[\"None\",]}")]
    [InlineData("{'title':'Sofa'}")]
    [InlineData("{title:\"Sofa\"}")]
    [InlineData("{\"title\":\"Sofa\"} {}")]
    [InlineData("{\"title\":\"Sofa\"}]")]
    [InlineData("{\"title\":\"Sofa\" \"price_gbp\":1}")]
    [InlineData("{\"price_gbp\":01}")]
    [InlineData("{\"price_gbp\":.5}")]
    [InlineData("{\"price_gbp\":NaN}")]
    [InlineData("{\"price_gbp\":Infinity}")]
    [InlineData("{\"title\":\"Sofa\"/* comment */}")]
    [InlineData("{\"title\":\"bad \\x escape\"}")]
    [InlineData("{\"title\":\"unterminated}")]
    [InlineData("{\"title\":\"raw\ttab\"}")]
    [InlineData("<listing><title>Sofa</title></listing>")]
    [InlineData("title=Sofa&price_gbp=1")]
    public async Task Malformed_json_is_invalid_json(string json)
    {
        await AssertRejectedEverywhereAsync(() => Json(json), HttpStatusCode.BadRequest, "invalid_json",
            message => Assert.StartsWith("Request body is not valid JSON: ", message));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"title\":\"Sofa\"}]")]
    [InlineData("\"str\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("  []  ")]
    public async Task Json_that_is_not_an_object_is_invalid_body(string json)
    {
        await AssertRejectedEverywhereAsync(() => Json(json), HttpStatusCode.BadRequest, "invalid_body",
            message => Assert.Equal("Body must be a JSON object.", message));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(17)]
    [InlineData(10_000)]
    public async Task Deeply_nested_json_is_invalid_json(int depth)
    {
        var nestedArrays = "{\"measurements\":" + new string('[', depth) + new string(']', depth) + "}";
        var nestedObjects = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

        await AssertRejectedEverywhereAsync(() => Json(nestedArrays), HttpStatusCode.BadRequest, "invalid_json");
        await AssertRejectedEverywhereAsync(() => Json(nestedObjects), HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task Nesting_within_the_depth_limit_reaches_field_validation()
    {
        // Depth 16 is accepted by the reader, so the answer is about the field, not the syntax.
        var json = "{\"measurements\":" + new string('[', 15) + new string(']', 15) + "}";
        await AssertRejectedEverywhereAsync(() => Json(json), HttpStatusCode.BadRequest, "validation_failed");
    }

    // ---- size ---------------------------------------------------------------------------------

    [Fact]
    public async Task Body_over_256_kb_is_payload_too_large_and_writes_nothing()
    {
        var json = Infrastructure.Listings.ValidCreate.Replace("\"Excellent condition, no pet exposure.\"",
            JsonSerializer.Serialize(new string('x', 300 * 1024)), StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(json) > 300 * 1024);

        await AssertRejectedEverywhereAsync(() => Json(json), HttpStatusCode.RequestEntityTooLarge, "payload_too_large",
            message => Assert.Equal("Request body must be at most 256 KB.", message));
    }

    [Fact]
    public async Task Chunked_body_over_256_kb_is_payload_too_large_and_writes_nothing()
    {
        // No Content-Length: the cap must hold while reading, not only on the declared length.
        var bytes = Encoding.UTF8.GetBytes(Padded(Infrastructure.Listings.ValidCreate, 300 * 1024));

        await AssertRejectedEverywhereAsync(() => new ChunkedContent(bytes), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Body_of_exactly_256_kb_is_read_and_one_byte_more_is_not()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);

        var atLimit = await client.PostAsync("/v1/listings", Json(Padded(Infrastructure.Listings.ValidCreate, Limit)));
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
        var chunkedAtLimit = await client.PostAsync("/v1/listings", new ChunkedContent(Encoding.UTF8.GetBytes(Padded(Infrastructure.Listings.ValidCreate, Limit))));
        Assert.Equal(HttpStatusCode.Created, chunkedAtLimit.StatusCode);

        var over = await client.PostAsync("/v1/listings", Json(Padded(Infrastructure.Listings.ValidCreate, Limit + 1)));
        await AssertErrorShapeAsync(over, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal(2, await brand.CountListingsAsync(Api.Planes));
    }

    // ---- media type ---------------------------------------------------------------------------

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=xyz")]
    [InlineData("application/xml")]
    [InlineData("application/octet-stream")]
    public async Task Non_json_content_type_is_unsupported_media_type_on_create(string contentType)
    {
        await AssertCreateRejectedAsync(() => WithType(Infrastructure.Listings.ValidCreate, contentType),
            HttpStatusCode.UnsupportedMediaType, "unsupported_media_type",
            message => Assert.Equal("Send the request body as application/json.", message));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task Non_json_content_type_is_unsupported_media_type_on_patch(string contentType)
    {
        await AssertPatchRejectedAsync(() => WithType("""{"title":"Renamed sofa"}""", contentType),
            HttpStatusCode.UnsupportedMediaType, "unsupported_media_type",
            message => Assert.Equal("Send the request body as application/json.", message));
    }

    [Fact]
    public async Task Missing_content_type_is_read_as_json_on_create()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Infrastructure.Listings.ValidCreate));
        Assert.Null(content.Headers.ContentType);

        var response = await client.PostAsync("/v1/listings", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Missing_content_type_is_read_as_json_on_patch()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var id = await Infrastructure.Listings.CreateAsync(client);

        var response = await client.PatchAsync($"/v1/listings/{id}", new ByteArrayContent("""{"title":"Renamed sofa"}"""u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=UTF-8")]
    [InlineData("Application/JSON")]
    public async Task Json_content_type_variants_are_accepted(string contentType)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);

        var response = await client.PostAsync("/v1/listings", WithType(Infrastructure.Listings.ValidCreate, contentType));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    // ---- encoding -----------------------------------------------------------------------------

    public static TheoryData<string, byte[]> InvalidUtf8 => new()
    {
        { "lone continuation byte", [0x80] },
        { "0xFF 0xFE", [0xFF, 0xFE] },
        { "overlong slash", [0xC0, 0xAF] },
        { "truncated euro sign", [0xE2, 0x82] },
        { "UTF-8 encoded surrogate", [0xED, 0xA0, 0x80] },
        { "beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80] },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public async Task Invalid_utf8_inside_a_string_is_invalid_json(string why, byte[] bad)
    {
        Assert.NotNull(why);
        var bytes = Splice(Infrastructure.Listings.ValidCreate, "Grey velvet corner sofa", bad);

        await AssertRejectedEverywhereAsync(() => Raw(bytes), HttpStatusCode.BadRequest, "invalid_json");
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public async Task Invalid_utf8_inside_a_field_name_is_invalid_json(string why, byte[] bad)
    {
        Assert.NotNull(why);
        var bytes = Splice(Infrastructure.Listings.ValidCreate, "\"sku\"", [(byte)'"', .. bad, (byte)'"']);

        await AssertRejectedEverywhereAsync(() => Raw(bytes), HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task Utf8_byte_order_mark_is_ignored()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        byte[] bom = [0xEF, 0xBB, 0xBF];

        var created = await client.PostAsync("/v1/listings", Raw([.. bom, .. Encoding.UTF8.GetBytes(Infrastructure.Listings.ValidCreate)]));
        var createdBody = await created.JsonAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, createdBody.ToString());
        var id = createdBody.GetProperty("id").GetInt64();

        var patched = await client.PatchAsync($"/v1/listings/{id}", Raw([.. bom, .. """{"title":"Renamed sofa"}"""u8.ToArray()]));
        var patchedBody = await patched.JsonAsync();
        Assert.True(patched.StatusCode == HttpStatusCode.OK, patchedBody.ToString());
        Assert.Equal("Renamed sofa", patchedBody.GetProperty("title").GetString());

        // A byte order mark and nothing else is an empty body, not a syntax error.
        var empty = await client.PatchAsync($"/v1/listings/{id}", Raw(bom));
        await AssertErrorShapeAsync(empty, HttpStatusCode.BadRequest, "no_fields");
    }

    [Fact]
    public async Task Utf16_body_is_invalid_json()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Infrastructure.Listings.ValidCreate)).ToArray();

        await AssertRejectedEverywhereAsync(() => Raw(bytes), HttpStatusCode.BadRequest, "invalid_json");
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udfff")]
    [InlineData("\\udc00\\ud800")]
    [InlineData("Sofa \\ud83d")]
    public async Task Unpaired_surrogate_escape_in_a_value_is_invalid_json(string escaped)
    {
        var json = Infrastructure.Listings.ValidCreate.Replace("Grey velvet corner sofa", escaped, StringComparison.Ordinal);

        await AssertRejectedEverywhereAsync(() => Json(json), HttpStatusCode.BadRequest, "invalid_json");
    }

    [Theory]
    [InlineData("\"sku\"")]
    [InlineData("\"brand\"")]
    public async Task Unpaired_surrogate_escape_in_a_field_name_or_choice_is_invalid_json(string target)
    {
        var json = Infrastructure.Listings.ValidCreate.Replace(target, "\"x\\ud800\"", StringComparison.Ordinal);
        var choice = Infrastructure.Listings.ValidCreate.Replace("\"DFS\"", "\"\\udc00\"", StringComparison.Ordinal);

        await AssertRejectedEverywhereAsync(() => Json(json), HttpStatusCode.BadRequest, "invalid_json");
        await AssertRejectedEverywhereAsync(() => Json(choice), HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task Unicode_text_round_trips()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        const string title = "Bouclé sofa — 雅 🛋️ \ud83d\ude00";
        var json = Infrastructure.Listings.ValidCreate.Replace("Grey velvet corner sofa", title, StringComparison.Ordinal)
            .Replace("\"Velvet\"", "\"Bouclé\"", StringComparison.Ordinal);

        var id = await Infrastructure.Listings.CreateAsync(client, json);

        var body = await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync();
        Assert.Equal(title, body.GetProperty("title").GetString());
        Assert.Equal("Bouclé", body.GetProperty("fabric").GetString());
    }

    // ---- control characters -------------------------------------------------------------------

    [Theory]
    [InlineData("title", "Sofa\\u0000", "title_invalid")]
    [InlineData("title", "\\u0000", "title_invalid")]
    [InlineData("title", "Sofa\\u0007bell", "title_invalid")]
    [InlineData("title", "\\u001b[31mRed sofa\\u001b[0m", "title_invalid")]
    [InlineData("title", "Sofa\\u007f", "title_invalid")]
    [InlineData("title", "So\\u0085fa", "title_invalid")]
    [InlineData("description", "Nice\\u0000sofa", "description_invalid")]
    [InlineData("sku", "SKU\\u0000", "sku_invalid")]
    [InlineData("warehouse_location", "Bay\\u00001", "warehouse_location_invalid")]
    public async Task Text_with_control_characters_is_invalid(string field, string escaped, string code)
    {
        var json = ReplaceField(Infrastructure.Listings.ValidCreate, field, $"\"{escaped}\"");

        await AssertRejectedEverywhereAsync(() => Json(json), HttpStatusCode.BadRequest, "validation_failed",
            body: body => Assert.Equal([code], body.ErrorCodes()));
        await AssertPatchRejectedAsync(() => Json($"{{\"{field}\":\"{escaped}\"}}"), HttpStatusCode.BadRequest, "validation_failed",
            body: body => Assert.Equal([code], body.ErrorCodes()));
    }

    [Theory]
    [InlineData("measurements", "[{\"dimension\":\"width\\u0000\",\"value_cm\":10}]", "measurements_invalid")]
    [InlineData("measurements", "[{\"dimension\":\"\\u001b[2J\",\"value_cm\":10}]", "measurements_invalid")]
    [InlineData("images", "[\"https://cdn.example.com/a\\u0000.jpg\"]", "images_invalid")]
    [InlineData("images", "[\"https://cdn.example.com/a.jpg\\u0000\"]", "images_invalid")]
    [InlineData("images", "[\"https://cdn.example.com/a\\n.jpg\"]", "images_invalid")]
    [InlineData("available_from", "\"2026-06-15\\u0000\"", "available_from_invalid")]
    [InlineData("price_gbp", "\"899\\u0000\"", "price_gbp_invalid")]
    public async Task Control_characters_in_structured_fields_are_invalid(string field, string json, string code)
    {
        var create = ReplaceField(Infrastructure.Listings.ValidCreate, field, json);

        await AssertRejectedEverywhereAsync(() => Json(create), HttpStatusCode.BadRequest, "validation_failed",
            body: body => Assert.Equal([code], body.ErrorCodes()));
        await AssertPatchRejectedAsync(() => Json($"{{\"{field}\":{json}}}"), HttpStatusCode.BadRequest, "validation_failed",
            body: body => Assert.Equal([code], body.ErrorCodes()));
    }

    [Fact]
    public async Task Nul_in_a_field_name_is_unknown_field()
    {
        var json = ReplaceField(Infrastructure.Listings.ValidCreate, "ti\\u0000tle", "\"Sofa\"");

        await AssertRejectedEverywhereAsync(() => Json(json), HttpStatusCode.BadRequest, "validation_failed",
            body: body => Assert.Equal(["unknown_field"], body.ErrorCodes()));
    }

    // ---- helpers ------------------------------------------------------------------------------

    /// <summary>Sends the body to POST and to PATCH of a fresh listing: same error, nothing written.</summary>
    private async Task AssertRejectedEverywhereAsync(
        Func<HttpContent> content, HttpStatusCode status, string code, Action<string>? message = null, Action<JsonElement>? body = null)
    {
        await AssertCreateRejectedAsync(content, status, code, message, body);
        await AssertPatchRejectedAsync(content, status, code, message, body);
    }

    private async Task AssertCreateRejectedAsync(
        Func<HttpContent> content, HttpStatusCode status, string code, Action<string>? message = null, Action<JsonElement>? body = null)
    {
        var (brand, client) = await CallerAsync();
        var count = await brand.CountListingsAsync(Api.Planes);

        var created = await client.PostAsync("/v1/listings", content());

        var createBody = await AssertErrorShapeAsync(created, status, code);
        message?.Invoke(createBody.GetProperty("message").GetString()!);
        body?.Invoke(createBody);
        Assert.Equal(count, await brand.CountListingsAsync(Api.Planes));
    }

    private async Task AssertPatchRejectedAsync(
        Func<HttpContent> content, HttpStatusCode status, string code, Action<string>? message = null, Action<JsonElement>? body = null)
    {
        var (brand, client) = await CallerAsync();
        var id = await Infrastructure.Listings.CreateAsync(client);
        var before = (await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync()).GetRawText();
        var count = await brand.CountListingsAsync(Api.Planes);

        var patched = await client.PatchAsync($"/v1/listings/{id}", content());

        var patchBody = await AssertErrorShapeAsync(patched, status, code);
        if (code == "validation_failed") Assert.StartsWith("Update rejected: ", patchBody.GetProperty("message").GetString());
        else message?.Invoke(patchBody.GetProperty("message").GetString()!);
        body?.Invoke(patchBody);
        var after = (await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync()).GetRawText();
        Assert.Equal(before, after);
        Assert.Equal(count, await brand.CountListingsAsync(Api.Planes));
    }

    private (TestBrand Brand, HttpClient Client)? _caller;

    /// <summary>One brand per test case; rejections compare counts before and after, so requests in a case can share it.</summary>
    private async Task<(TestBrand Brand, HttpClient Client)> CallerAsync()
    {
        if (_caller is null)
        {
            var brand = await NewBrandAsync();
            _caller = (brand, Api.ClientWith(brand.AdminKey));
        }
        return _caller.Value;
    }

    /// <summary>Exact status and code, and nothing but <c>code</c>, <c>message</c> and <c>data</c> at the top.</summary>
    private static async Task<JsonElement> AssertErrorShapeAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.AssertErrorAsync(status, code);
        Assert.Equal(["code", "data", "message"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Object, body.GetProperty("data").ValueKind);
        return body;
    }

    private static StringContent Json(string json) => HttpExtensions.JsonContent(json);

    private static ByteArrayContent Raw(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static ByteArrayContent WithType(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary><paramref name="json"/> followed by spaces up to exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string Padded(string json, int bytes) => json + new string(' ', bytes - Encoding.UTF8.GetByteCount(json));

    /// <summary>The UTF-8 bytes of <paramref name="json"/> with <paramref name="target"/> replaced by raw bytes.</summary>
    private static byte[] Splice(string json, string target, byte[] replacement)
    {
        var at = json.IndexOf(target, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{target} not in body");
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. replacement, .. Encoding.UTF8.GetBytes(json[(at + target.Length)..])];
    }

    /// <summary>The example body with <paramref name="field"/> set to raw (possibly hostile) JSON text.</summary>
    private static string ReplaceField(string json, string field, string rawValue)
    {
        var doc = JsonDocument.Parse(json);
        var parts = doc.RootElement.EnumerateObject()
            .Where(p => p.Name != field)
            .Select(p => $"{JsonSerializer.Serialize(p.Name)}:{p.Value.GetRawText()}")
            .Append($"\"{field}\":{rawValue}");
        return "{" + string.Join(",", parts) + "}";
    }

    /// <summary>Content without a known length, so the client sends it chunked.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var i = 0; i < _bytes.Length; i += 8192)
                await stream.WriteAsync(_bytes.AsMemory(i, Math.Min(8192, _bytes.Length - i)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
