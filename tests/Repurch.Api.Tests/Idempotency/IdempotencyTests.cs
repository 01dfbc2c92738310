using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Repurch.Api.Authentication;
using Repurch.Api.Idempotency;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Idempotency;

public sealed class IdempotencyTests : ApiTest
{
    private static HttpRequestMessage Request(HttpMethod method, string url, string? json, string? key)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = HttpExtensions.JsonContent(json);
        if (key is not null) request.Headers.TryAddWithoutValidation(IdempotencyMiddleware.Header, key);
        return request;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? json, string? key) =>
        client.SendAsync(Request(method, url, json, key));

    private static bool Replayed(HttpResponseMessage response) =>
        response.Headers.TryGetValues(IdempotencyMiddleware.ReplayedHeader, out var v) && v.Single() == "true";

    private static string NewKey() => $"key-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_repeated_create_replays_the_first_answer_and_creates_one_listing()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var key = NewKey();

        var first = await SendAsync(client, HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, key);
        var firstText = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(Replayed(first));

        var second = await SendAsync(client, HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, key);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.True(Replayed(second));
        Assert.Equal(firstText, await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("application/json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task Without_the_header_each_create_is_new()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        await Infrastructure.Listings.CreateAsync(client);
        var second = await client.PostJsonAsync("/v1/listings", Infrastructure.Listings.ValidCreate);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(Replayed(second));
        Assert.Equal(2, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task Patch_and_delete_replay()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var id = await Infrastructure.Listings.CreateAsync(client);

        var patchKey = NewKey();
        var patched = await SendAsync(client, HttpMethod.Patch, $"/v1/listings/{id}", """{"title": "Renamed sofa"}""", patchKey);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await client.PatchJsonAsync($"/v1/listings/{id}", """{"title": "Renamed again"}""");
        var patchReplay = await SendAsync(client, HttpMethod.Patch, $"/v1/listings/{id}", """{"title": "Renamed sofa"}""", patchKey);
        Assert.True(Replayed(patchReplay));
        Assert.Equal(await patched.Content.ReadAsStringAsync(), await patchReplay.Content.ReadAsStringAsync());
        var read = await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync();
        Assert.Equal("Renamed again", read.GetProperty("title").GetString());

        var deleteKey = NewKey();
        var deleted = await SendAsync(client, HttpMethod.Delete, $"/v1/listings/{id}", null, deleteKey);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var deleteReplay = await SendAsync(client, HttpMethod.Delete, $"/v1/listings/{id}", null, deleteKey);
        Assert.Equal(HttpStatusCode.OK, deleteReplay.StatusCode);
        Assert.True(Replayed(deleteReplay));
        Assert.Equal(await deleted.Content.ReadAsStringAsync(), await deleteReplay.Content.ReadAsStringAsync());
        // A new key is a new request: the listing is gone.
        await (await SendAsync(client, HttpMethod.Delete, $"/v1/listings/{id}", null, NewKey()))
            .AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_path_or_method_is_a_mismatch()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var id = await Infrastructure.Listings.CreateAsync(client);
        var other = await Infrastructure.Listings.CreateAsync(client);
        var key = NewKey();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Patch, $"/v1/listings/{id}", """{"title": "One"}""", key)).StatusCode);

        await (await SendAsync(client, HttpMethod.Patch, $"/v1/listings/{id}", """{"title": "Two"}""", key))
            .AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_mismatch");
        await (await SendAsync(client, HttpMethod.Patch, $"/v1/listings/{other}", """{"title": "One"}""", key))
            .AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_mismatch");
        await (await SendAsync(client, HttpMethod.Delete, $"/v1/listings/{id}", null, key))
            .AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_mismatch");

        var read = await (await client.GetAsync($"/v1/listings/{other}")).JsonAsync();
        Assert.NotEqual("One", read.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/listings/{id}")).StatusCode);
    }

    [Fact]
    public async Task Concurrent_duplicates_create_one_listing()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            SendAsync(client, HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, key)));

        Assert.Equal(1, await brand.CountListingsAsync(Api.Planes));
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Single(created, r => !Replayed(r));
        var ids = new HashSet<long>();
        foreach (var r in created) ids.Add((await r.JsonAsync()).GetProperty("id").GetInt64());
        Assert.Single(ids);
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await r.AssertErrorAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");

        // Once the first has finished, the key replays.
        var after = await SendAsync(client, HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, key);
        Assert.True(Replayed(after));
        Assert.Equal(ids.Single(), (await after.JsonAsync()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Keys_are_scoped_per_brand_and_per_plane()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var key = NewKey();

        var fromA = await (await SendAsync(Api.ClientWith(a.AdminKey), HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, key)).JsonAsync();
        var fromB = await SendAsync(Api.ClientWith(b.AdminKey), HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, key);
        Assert.Equal(HttpStatusCode.Created, fromB.StatusCode);
        Assert.False(Replayed(fromB));
        Assert.NotEqual(fromA.GetProperty("id").GetInt64(), (await fromB.JsonAsync()).GetProperty("id").GetInt64());

        var sandbox = await SendAsync(Api.ClientWith(a.SandboxAdminKey), HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, key);
        Assert.Equal(HttpStatusCode.Created, sandbox.StatusCode);
        Assert.False(Replayed(sandbox));

        Assert.Equal(1, await a.CountListingsAsync(Api.Planes));
        Assert.Equal(1, await b.CountListingsAsync(Api.Planes));
        Assert.Equal(1, await a.CountListingsAsync(Api.Planes, Plane.Sandbox));
    }

    [Fact]
    public async Task A_validation_failure_is_a_final_answer_and_replays()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var key = NewKey();
        const string bad = """{"title": ""}""";

        var first = await SendAsync(client, HttpMethod.Post, "/v1/listings", bad, key);
        var body = await first.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        var again = await SendAsync(client, HttpMethod.Post, "/v1/listings", bad, key);
        Assert.True(Replayed(again));
        Assert.Equal(body.ToString(), (await again.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ToString());
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task An_expired_key_counts_as_new()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var key = NewKey();
        var first = await (await SendAsync(client, HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, key)).JsonAsync();

        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var stored = await db.IdempotencyKeys.SingleAsync(k => k.Key == IdempotencyMiddleware.StoredKey(key));
            Assert.True(stored.ExpiresAt - stored.CreatedAt >= TimeSpan.FromHours(24));
            await db.IdempotencyKeys.Where(k => k.Key == IdempotencyMiddleware.StoredKey(key))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        var second = await SendAsync(client, HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, key);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(Replayed(second));
        Assert.NotEqual(first.GetProperty("id").GetInt64(), (await second.JsonAsync()).GetProperty("id").GetInt64());
        Assert.Equal(2, await brand.CountListingsAsync(Api.Planes));

        // The key now answers with the second listing.
        var third = await SendAsync(client, HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, key);
        Assert.True(Replayed(third));
        Assert.Equal(2, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task A_warehouse_create_joins_the_key_transaction_and_replays()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var key = NewKey();
        const string json = """{"label":"Long Eaton DC","address_1":"12 Industrial Way","city":"Long Eaton","postcode":"NG10 2QQ","is_default":true}""";

        var first = await SendAsync(client, HttpMethod.Post, "/v1/partner/settings/warehouses", json, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var replay = await SendAsync(client, HttpMethod.Post, "/v1/partner/settings/warehouses", json, key);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.True(Replayed(replay));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());

        var list = await (await client.GetAsync("/v1/partner/settings/warehouses")).Content.ReadAsStringAsync();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(list, "Long Eaton DC"));
    }

    [Fact]
    public async Task Concurrent_warehouse_creates_with_their_own_keys_keep_exactly_one_default()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var keys = Enumerable.Range(0, 6).Select(_ => NewKey()).ToArray();

        var responses = await Task.WhenAll(keys.Select((key, i) => SendAsync(client, HttpMethod.Post, "/v1/partner/settings/warehouses",
            $$"""{"label":"DC {{i}}","address_1":"12 Industrial Way","city":"Long Eaton","postcode":"NG10 2QQ","is_default":true}""", key)));

        foreach (var r in responses)
        {
            if (r.StatusCode != HttpStatusCode.Created) await r.AssertErrorAsync(HttpStatusCode.Conflict, "conflict");
        }
        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.True(created >= 1);
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(created, await db.Warehouses.CountAsync());
        Assert.Equal(1, await db.Warehouses.CountAsync(w => w.IsDefault));
        // Every created answer is stored and replays; a conflict was not stored.
        Assert.Equal(created, await db.IdempotencyKeys.CountAsync());
    }

    [Fact]
    public async Task A_brand_profile_patch_with_a_key_commits_and_replays()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var key = NewKey();
        const string json = """{"display_name":"Idempotent Interiors"}""";

        var first = await SendAsync(client, HttpMethod.Patch, "/v1/partner/settings/brand", json, key);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var replay = await SendAsync(client, HttpMethod.Patch, "/v1/partner/settings/brand", json, key);
        Assert.True(Replayed(replay));
        var read = await (await client.GetAsync("/v1/partner/settings/brand")).Content.ReadAsStringAsync();
        Assert.Contains("Idempotent Interiors", read);
    }

    [Fact]
    public async Task A_brand_profile_validation_failure_with_a_key_saves_nothing_and_replays()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var key = NewKey();
        const string json = """{"display_name":"Half saved","accent_color":"not a colour"}""";

        var first = await SendAsync(client, HttpMethod.Patch, "/v1/partner/settings/brand", json, key);
        var body = await first.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        var replay = await SendAsync(client, HttpMethod.Patch, "/v1/partner/settings/brand", json, key);
        Assert.True(Replayed(replay));
        Assert.Equal(body.ToString(), (await replay.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ToString());
        Assert.DoesNotContain("Half saved", await (await client.GetAsync("/v1/partner/settings/brand")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_exchange_written_through_its_own_context_replays_the_same_pair()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var key = NewKey();

        var first = await SendAsync(client, HttpMethod.Post, "/v1/auth/token", null, key);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var replay = await SendAsync(client, HttpMethod.Post, "/v1/auth/token", null, key);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True(Replayed(replay));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());

        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(1, await db.RefreshTokens.CountAsync());
    }

    [Fact]
    public async Task A_sandbox_key_created_from_the_live_plane_is_created_once()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var key = NewKey();
        const string json = """{"name":"Sandbox sync","role":"admin","scopes":["read","write"],"environment":"sandbox"}""";

        var first = await SendAsync(client, HttpMethod.Post, "/v1/partner/settings/api-keys", json, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var replay = await SendAsync(client, HttpMethod.Post, "/v1/partner/settings/api-keys", json, key);
        Assert.True(Replayed(replay));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());

        await using var sandbox = Api.Planes.Open(Plane.Sandbox, brand.Id);
        Assert.Equal(1, await sandbox.ApiKeys.CountAsync(k => k.Name == "Sandbox sync"));

        // The table holds neither the key nor the new secret in the clear.
        var secret = System.Text.Encoding.UTF8.GetBytes((await first.JsonAsync()).GetProperty("secret").GetString()!);
        await using var live = Api.Planes.Open(Plane.Live, brand.Id);
        var stored = await live.IdempotencyKeys.SingleAsync();
        Assert.Equal(IdempotencyMiddleware.StoredKey(key), stored.Key);
        Assert.Equal(-1, stored.ResponseBody.AsSpan().IndexOf(secret));
    }

    [Fact]
    public async Task An_oversized_body_with_a_key_gets_the_endpoints_own_413_and_leaves_the_key_unused()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var key = NewKey();
        var tooBig = Infrastructure.Listings.ValidCreate.Replace("Excellent condition, no pet exposure.", new string('x', 300 * 1024), StringComparison.Ordinal);

        var refused = await (await SendAsync(client, HttpMethod.Post, "/v1/listings", tooBig, key)).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal("Request body must be at most 256 KB.", refused.GetProperty("message").GetString());
        // Refused before the key was looked at: the same key then serves the real request.
        var created = await SendAsync(client, HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, key);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(Replayed(created));

        // Each endpoint's own limit and answer: 16 KB for a credit code, the photo endpoint's image_too_large.
        var code = await (await SendAsync(client, HttpMethod.Post, "/v1/codes/validate", $$"""{"code":"{{new string('A', 20 * 1024)}}"}""", NewKey()))
            .AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal("Request body must be at most 16 KB.", code.GetProperty("message").GetString());
        await (await SendAsync(client, HttpMethod.Post, "/v1/listings/upload-photo", $$"""{"image_base64":"{{new string('A', 16 * 1024 * 1024)}}"}""", NewKey()))
            .AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "image_too_large");
        Assert.Equal(1, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task A_body_sent_chunked_matches_the_same_body_sent_with_a_content_length()
    {
        // With Content-Length the body is hashed as it arrives; chunked, once it is all read: one digest either way.
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var key = NewKey();
        var first = await SendAsync(client, HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var chunked = new HttpRequestMessage(HttpMethod.Post, "/v1/listings") { Content = new ChunkedJson(Infrastructure.Listings.ValidCreate) };
        chunked.Headers.Add(IdempotencyMiddleware.Header, key);
        var again = await client.SendAsync(chunked);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.True(Replayed(again));
        Assert.Equal(1, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public void The_request_digest_keeps_the_framing_stored_keys_were_made_with()
    {
        // SHA-256 of each part prefixed with its length (int32, little-endian): method, path with query, body.
        Assert.Equal("940379B1BB8857684C8C6C774A1A3258B968B930BC6E7E9BCF8F9B3EED04AAC8",
            Convert.ToHexString(IdempotencyMiddleware.Hash("POST", "/v1/listings?dry_run=1", """{"title":"Sofa"}"""u8)));
    }

    /// <summary>JSON sent without Content-Length.</summary>
    private sealed class ChunkedJson : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedJson(string json)
        {
            _bytes = System.Text.Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Theory]
    [InlineData("caf\u00e9")]
    [InlineData("tab\there")]
    public async Task An_invalid_key_is_rejected(string key)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        await (await SendAsync(client, HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, key))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "idempotency_key_invalid");
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_rejected()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        await (await SendAsync(client, HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, new string('k', 256)))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "idempotency_key_invalid");
        Assert.Equal(HttpStatusCode.Created,
            (await SendAsync(client, HttpMethod.Post, "/v1/listings", Infrastructure.Listings.ValidCreate, new string('k', 255))).StatusCode);
    }

    [Fact]
    public async Task The_header_is_ignored_on_reads()
    {
        var brand = await NewBrandAsync();
        var response = await SendAsync(Api.ClientWith(brand.AdminKey), HttpMethod.Get, "/v1/listings", null, "caf\u00e9");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // The middleware directly, on the real database: a server error or an exception leaves neither
    // the change nor the key behind, so the retry runs again.

    // Not async: the accessor's AsyncLocal must flow back to the test, which runs the middleware.
    private (HttpContext Http, AsyncServiceScope Scope) Context(TestBrand brand, string key, MemoryStream responseBody)
    {
        var scope = Api.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        http.Features.Set(new Caller(brand.Id, Plane.Live, Roles.Admin, [Scopes.Read, Scopes.Write], Guid.NewGuid(), CredentialKind.ApiKey));
        http.SetEndpoint(new Endpoint(null, null, "test"));
        http.Request.Method = "POST";
        http.Request.Path = "/v1/test";
        http.Request.Headers[IdempotencyMiddleware.Header] = key;
        http.Request.Body = new MemoryStream("{}"u8.ToArray());
        http.Response.Body = responseBody;
        return (http, scope);
    }

    private static RequestDelegate Writes(TestBrand brand, int status, bool throws = false) => async http =>
    {
        var db = http.RequestServices.GetRequiredService<RepurchDb>();
        db.Sellers.Add(new Seller { BrandId = brand.Id, DisplayName = "Made by the test endpoint", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        if (throws) throw new InvalidOperationException("boom");
        http.Response.StatusCode = status;
        await http.Response.WriteAsync("{}");
    };

    private async Task<(int Sellers, int Keys)> CountAsync(TestBrand brand, string key)
    {
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        return (await db.Sellers.CountAsync(s => s.DisplayName == "Made by the test endpoint"), await db.IdempotencyKeys.CountAsync(k => k.Key == IdempotencyMiddleware.StoredKey(key)));
    }

    [Fact]
    public async Task A_server_error_stores_nothing_and_the_retry_runs()
    {
        var brand = await NewBrandAsync();
        var key = NewKey();

        var (http, scope) = Context(brand, key, new MemoryStream());
        await using (scope)
            await new IdempotencyMiddleware(Writes(brand, 503), TimeProvider.System, NullLogger<IdempotencyMiddleware>.Instance).InvokeAsync(http);
        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal((0, 0), await CountAsync(brand, key));

        var (retry, retryScope) = Context(brand, key, new MemoryStream());
        await using (retryScope)
            await new IdempotencyMiddleware(Writes(brand, 201), TimeProvider.System, NullLogger<IdempotencyMiddleware>.Instance).InvokeAsync(retry);
        Assert.Equal(201, retry.Response.StatusCode);
        Assert.Equal((1, 1), await CountAsync(brand, key));
    }

    [Fact]
    public async Task An_exception_rolls_back_the_change_and_the_key()
    {
        var brand = await NewBrandAsync();
        var key = NewKey();
        var (http, scope) = Context(brand, key, new MemoryStream());
        await using (scope)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                new IdempotencyMiddleware(Writes(brand, 201, throws: true), TimeProvider.System, NullLogger<IdempotencyMiddleware>.Instance).InvokeAsync(http));
        }
        Assert.Equal((0, 0), await CountAsync(brand, key));
    }

    [Fact]
    public void Only_answers_below_500_are_stored()
    {
        Assert.True(IdempotencyMiddleware.IsStored(201));
        Assert.True(IdempotencyMiddleware.IsStored(422));
        Assert.False(IdempotencyMiddleware.IsStored(500));
        Assert.False(IdempotencyMiddleware.IsStored(503));
    }

    [Fact]
    public void A_retryable_conflict_is_not_stored_but_other_409s_are()
    {
        Assert.False(IdempotencyMiddleware.IsStored(409, """{"code":"conflict","message":"m","data":{"status":409}}"""u8));
        Assert.True(IdempotencyMiddleware.IsStored(409, """{"code":"something_else","message":"m","data":{"status":409}}"""u8));
        Assert.True(IdempotencyMiddleware.IsStored(409, "not json"u8));
        Assert.True(IdempotencyMiddleware.IsStored(400, """{"code":"conflict"}"""u8));
    }
}
