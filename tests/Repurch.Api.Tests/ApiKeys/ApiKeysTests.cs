using System.Net;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.ApiKeys;

public sealed class ApiKeysTests : ApiTest
{
    private const string Path = "/v1/partner/settings/api-keys";
    private const string Timestamp = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$";

    private static async Task<JsonElement> CreateAsync(HttpClient client, string json)
    {
        var response = await client.PostJsonAsync(Path, json);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync(Path);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("api_keys").EnumerateArray().ToArray();
    }

    private static JsonElement Named(JsonElement[] keys, string name) =>
        keys.Single(k => k.GetProperty("name").GetString() == name);

    private static string Str(JsonElement e, string property) => e.GetProperty(property).GetString()!;

    [Fact]
    public async Task Listing_shows_both_planes_newest_first_and_never_a_secret_or_hash()
    {
        var brand = await NewBrandAsync();
        var admin = Api.ClientWith(brand.AdminKey);
        var created = await CreateAsync(admin, """{"name":"CI deploys","role":"member","scopes":["read"]}""");
        var secret = Str(created, "secret");

        var response = await admin.GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(brand.Id, Str(body, "brand_id"));
        var keys = body.GetProperty("api_keys").EnumerateArray().ToArray();

        // Five live keys (storefront included) and one sandbox key from the fixture, plus the new one, which is newest.
        Assert.Equal(7, keys.Length);
        Assert.Equal("CI deploys", Str(keys[0], "name"));
        Assert.Equal("sandbox", Str(Named(keys, "sandbox admin"), "environment"));
        Assert.Equal("live", Str(Named(keys, "admin"), "environment"));
        var stamps = keys.Select(k => Str(k, "created_at")).ToArray();
        Assert.Equal(stamps.OrderDescending(StringComparer.Ordinal), stamps);

        // Nothing secret: no secret or hash field, and every re_pk_ in the body is a prefix field's value.
        Assert.DoesNotContain(secret, text);
        foreach (var fixtureKey in new[] { brand.AdminKey, brand.ReadOnlyKey, brand.WriteOnlyKey, brand.MemberKey, brand.SandboxAdminKey })
            Assert.DoesNotContain(fixtureKey, text);
        Assert.Equal(["brand_id", "api_keys"], body.EnumerateObject().Select(p => p.Name));
        var stripped = keys.Select(k => Str(k, "prefix")).Aggregate(text, (t, p) => t.Replace($"\"prefix\":\"{p}\"", ""));
        Assert.DoesNotContain("re_pk_", stripped);
        foreach (var key in keys)
        {
            Assert.Equal(15, Str(key, "prefix").Length);
            Assert.Equal(
                ["id", "name", "prefix", "role", "scopes", "environment", "created_at", "last_used_at", "revoked_at", "created_by"],
                key.EnumerateObject().Select(p => p.Name));
        }

        var mine = keys[0];
        Assert.Equal(secret[..15], Str(mine, "prefix"));
        Assert.Equal("member", Str(mine, "role"));
        Assert.Equal(["read"], mine.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Matches(Timestamp, Str(mine, "created_at"));
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("revoked_at").ValueKind);
        Assert.Equal(Str(Named(keys, "admin"), "id"), Str(mine, "created_by"));
        Assert.Equal(JsonValueKind.Null, Named(keys, "admin").GetProperty("created_by").ValueKind);
    }

    [Fact]
    public async Task A_sandbox_caller_sees_only_sandbox_keys()
    {
        var brand = await NewBrandAsync();

        var keys = await ListAsync(Api.ClientWith(brand.SandboxAdminKey));

        Assert.Equal("sandbox admin", Str(Assert.Single(keys), "name"));
        Assert.Equal("sandbox", Str(keys[0], "environment"));
    }

    [Fact]
    public async Task A_created_key_is_returned_once_with_its_secret_which_works_at_once()
    {
        var brand = await NewBrandAsync();
        var admin = Api.ClientWith(brand.AdminKey);

        var response = await admin.PostJsonAsync(Path, """{"name":"  Warehouse sync  ","role":"admin","scopes":["write","read","read"]}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var key = await response.JsonAsync();
        var secret = Str(key, "secret");
        Assert.StartsWith("re_pk_live_", secret);
        Assert.Equal(secret[..15], Str(key, "prefix"));
        Assert.Equal("Warehouse sync", Str(key, "name"));
        Assert.Equal("admin", Str(key, "role"));
        Assert.Equal(["read", "write"], key.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("live", Str(key, "environment"));
        Assert.Matches(Timestamp, Str(key, "created_at"));
        Assert.Equal(JsonValueKind.Null, key.GetProperty("last_used_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, key.GetProperty("revoked_at").ValueKind);
        Assert.True(Guid.TryParse(Str(key, "id"), out _));

        var withNewKey = Api.ClientWith(secret);
        Assert.Equal(HttpStatusCode.OK, (await withNewKey.GetAsync("/v1/listings")).StatusCode);
        await Infrastructure.Listings.CreateAsync(withNewKey);
        Assert.Equal(Str(Named(await ListAsync(admin), "admin"), "id"), Str(key, "created_by"));
    }

    [Fact]
    public async Task A_member_key_created_here_is_a_member_key()
    {
        var brand = await NewBrandAsync();
        var created = await CreateAsync(Api.ClientWith(brand.AdminKey), """{"name":"member","role":"member","scopes":["read","write"]}""");

        var response = await Api.ClientWith(Str(created, "secret")).GetAsync("/v1/listings");

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_live_admin_can_create_a_sandbox_key_that_opens_the_sandbox()
    {
        var brand = await NewBrandAsync();
        var admin = Api.ClientWith(brand.AdminKey);

        var created = await CreateAsync(admin, """{"name":"staging","role":"admin","scopes":["read","write"],"environment":"sandbox"}""");

        Assert.StartsWith("re_pk_test_", Str(created, "secret"));
        Assert.Equal("sandbox", Str(created, "environment"));
        var sandbox = Api.ClientWith(Str(created, "secret"));
        await Infrastructure.Listings.CreateAsync(sandbox);
        Assert.Equal(1, await brand.CountListingsAsync(Api.Planes, Repurch.Api.Persistence.Plane.Sandbox));
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
        Assert.Equal("sandbox", Str(Named(await ListAsync(admin), "staging"), "environment"));
        Assert.Contains(await ListAsync(Api.ClientWith(brand.SandboxAdminKey)), k => Str(k, "name") == "staging");
    }

    [Fact]
    public async Task A_key_cannot_grant_scopes_it_lacks()
    {
        var brand = await NewBrandAsync();
        var writeOnly = Api.ClientWith(brand.WriteOnlyKey);

        var escalation = await writeOnly.PostJsonAsync(Path, """{"name":"escalate","role":"admin","scopes":["read","write"]}""");

        var body = await escalation.AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("read", body.GetProperty("message").GetString());
        var same = await CreateAsync(writeOnly, """{"name":"same","role":"admin","scopes":["write"]}""");
        Assert.Equal(["write"], same.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain(await ListAsync(Api.ClientWith(brand.AdminKey)), k => Str(k, "name") == "escalate");
    }

    [Fact]
    public async Task Marketplace_keys_cannot_be_created_here()
    {
        var brand = await NewBrandAsync();

        var response = await Api.ClientWith(brand.AdminKey).PostJsonAsync(Path, """{"name":"shop","role":"marketplace","scopes":["read"]}""");

        Assert.Equal(["role_invalid"], (await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
    }

    [Fact]
    public async Task Member_keys_can_neither_list_nor_create_nor_revoke()
    {
        var brand = await NewBrandAsync();
        var member = Api.ClientWith(brand.MemberKey);
        var id = Str(Named(await ListAsync(Api.ClientWith(brand.AdminKey)), "admin"), "id");

        await (await member.GetAsync(Path)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.PostJsonAsync(Path, """{"name":"x","role":"member","scopes":["read"]}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.DeleteAsync($"{Path}/{id}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(brand.AdminKey).GetAsync("/v1/listings")).StatusCode);
    }

    [Fact]
    public async Task A_read_only_key_can_list_but_not_create_or_revoke()
    {
        var brand = await NewBrandAsync();
        var readOnly = Api.ClientWith(brand.ReadOnlyKey);

        var keys = await ListAsync(readOnly);

        await (await readOnly.PostJsonAsync(Path, """{"name":"x","role":"member","scopes":["read"]}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await readOnly.DeleteAsync($"{Path}/{Str(Named(keys, "admin"), "id")}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(keys.Length, (await ListAsync(readOnly)).Length);
    }

    [Fact]
    public async Task A_sandbox_key_cannot_create_live_keys_and_defaults_to_sandbox()
    {
        var brand = await NewBrandAsync();
        var sandbox = Api.ClientWith(brand.SandboxAdminKey);

        var live = await sandbox.PostJsonAsync(Path, """{"name":"live","role":"admin","scopes":["read"],"environment":"live"}""");

        await live.AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.DoesNotContain(await ListAsync(Api.ClientWith(brand.AdminKey)), k => Str(k, "name") == "live");
        var created = await CreateAsync(sandbox, """{"name":"sandbox read","role":"member","scopes":["read"]}""");
        Assert.StartsWith("re_pk_test_", Str(created, "secret"));
        Assert.Equal("sandbox", Str(created, "environment"));
    }

    [Theory]
    [InlineData("""{"role":"admin","scopes":["read"]}""", "name_required")]
    [InlineData("""{"name":"   ","role":"admin","scopes":["read"]}""", "name_required")]
    [InlineData("""{"name":null,"role":"admin","scopes":["read"]}""", "name_required")]
    [InlineData("""{"name":42,"role":"admin","scopes":["read"]}""", "name_invalid")]
    [InlineData("""{"name":"a\u0000b","role":"admin","scopes":["read"]}""", "name_invalid")]
    [InlineData("""{"name":"k","scopes":["read"]}""", "role_required")]
    [InlineData("""{"name":"k","role":"owner","scopes":["read"]}""", "role_invalid")]
    [InlineData("""{"name":"k","role":"admin"}""", "scopes_required")]
    [InlineData("""{"name":"k","role":"admin","scopes":[]}""", "scopes_invalid")]
    [InlineData("""{"name":"k","role":"admin","scopes":["read","admin"]}""", "scopes_invalid")]
    [InlineData("""{"name":"k","role":"admin","scopes":"read"}""", "scopes_invalid")]
    [InlineData("""{"name":"k","role":"admin","scopes":[1]}""", "scopes_invalid")]
    [InlineData("""{"name":"k","role":"admin","scopes":["read"],"environment":"test"}""", "environment_invalid")]
    [InlineData("""{"name":"k","role":"admin","scopes":["read"],"expires_at":"2030-01-01"}""", "expires_at_unknown")]
    [InlineData("""{"name":"k","role":"admin","role":"member","scopes":["read"]}""", "role_duplicate")]
    [InlineData("""{"name":"k","role":"admin","scopes":["read"],"Secret":"x"}""", "unknown_field")]
    public async Task Invalid_fields_are_rejected_with_their_codes(string json, string code)
    {
        var brand = await NewBrandAsync();

        var response = await Api.ClientWith(brand.AdminKey).PostJsonAsync(Path, json);

        Assert.Equal([code], (await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
    }

    [Fact]
    public async Task Names_are_limited_to_100_characters()
    {
        var brand = await NewBrandAsync();
        var admin = Api.ClientWith(brand.AdminKey);

        var tooLong = await admin.PostJsonAsync(Path, $$"""{"name":"{{new string('n', 101)}}","role":"admin","scopes":["read"]}""");

        Assert.Equal(["name_too_long"], (await tooLong.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
        await CreateAsync(admin, $$"""{"name":"{{new string('n', 100)}}","role":"admin","scopes":["read"]}""");
    }

    [Fact]
    public async Task Bad_bodies_are_rejected_like_elsewhere()
    {
        var brand = await NewBrandAsync();
        var admin = Api.ClientWith(brand.AdminKey);

        await (await admin.PostJsonAsync(Path, "{\"name\":")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await admin.PostJsonAsync(Path, "[]")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        var empty = await (await admin.PostJsonAsync(Path, "")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["name_required", "role_required", "scopes_required"], empty.ErrorCodes());
        var all = await (await admin.PostJsonAsync(Path, "{}")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["name_required", "role_required", "scopes_required"], all.ErrorCodes());
        var text = await admin.PostAsync(Path, new StringContent("name=x", System.Text.Encoding.UTF8, "text/plain"));
        await text.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Equal(6, (await ListAsync(admin)).Length);
    }

    [Fact]
    public async Task Revocation_is_immediate_and_idempotent()
    {
        var brand = await NewBrandAsync();
        var admin = Api.ClientWith(brand.AdminKey);
        var created = await CreateAsync(admin, """{"name":"short-lived","role":"admin","scopes":["read"]}""");
        var id = Str(created, "id");
        var victim = Api.ClientWith(Str(created, "secret"));
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/v1/listings")).StatusCode);

        var response = await admin.DeleteAsync($"{Path}/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("revoked").GetBoolean());
        Assert.Equal(id, Str(body, "id"));
        await (await victim.GetAsync("/v1/listings")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");

        var again = await admin.DeleteAsync($"{Path}/{id}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.JsonAsync()).GetProperty("revoked").GetBoolean());
        var listed = Named(await ListAsync(admin), "short-lived");
        Assert.Matches(Timestamp, Str(listed, "revoked_at"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/listings")).StatusCode);
    }

    [Fact]
    public async Task A_key_can_revoke_itself()
    {
        var brand = await NewBrandAsync();
        var created = await CreateAsync(Api.ClientWith(brand.AdminKey), """{"name":"leaked","role":"admin","scopes":["read","write"]}""");
        var self = Api.ClientWith(Str(created, "secret"));

        Assert.Equal(HttpStatusCode.OK, (await self.DeleteAsync($"{Path}/{Str(created, "id")}")).StatusCode);

        await (await self.GetAsync(Path)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Refresh_tokens_from_a_revoked_key_stop_working()
    {
        var brand = await NewBrandAsync();
        var admin = Api.ClientWith(brand.AdminKey);
        var created = await CreateAsync(admin, """{"name":"token user","role":"admin","scopes":["read"]}""");
        var tokenResponse = await Api.ClientWith(Str(created, "secret")).PostAsync("/v1/auth/token", null);
        var pair = await tokenResponse.JsonAsync();
        Assert.True(tokenResponse.StatusCode == HttpStatusCode.OK, pair.ToString());
        var refresh = Str(pair, "refresh_token");

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"{Path}/{Str(created, "id")}")).StatusCode);

        var anonymous = Api.ClientWith(null);
        var refreshed = await anonymous.PostJsonAsync("/v1/auth/refresh", JsonSerializer.Serialize(new { refresh_token = refresh }));
        await refreshed.AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Api.ClientWith(Str(created, "secret")).PostAsync("/v1/auth/token", null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task A_live_admin_can_revoke_sandbox_keys_but_a_sandbox_caller_cannot_reach_live_keys()
    {
        var brand = await NewBrandAsync();
        var admin = Api.ClientWith(brand.AdminKey);
        var sandbox = Api.ClientWith(brand.SandboxAdminKey);
        var keys = await ListAsync(admin);

        var fromSandbox = await sandbox.DeleteAsync($"{Path}/{Str(Named(keys, "admin"), "id")}");

        await fromSandbox.AssertErrorAsync(HttpStatusCode.NotFound, "api_key_not_found");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/listings")).StatusCode);

        var fromLive = await admin.DeleteAsync($"{Path}/{Str(Named(keys, "sandbox admin"), "id")}");
        Assert.Equal(HttpStatusCode.OK, fromLive.StatusCode);
        await (await sandbox.GetAsync("/v1/listings")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Matches(Timestamp, Str(Named(await ListAsync(admin), "sandbox admin"), "revoked_at"));
    }

    [Fact]
    public async Task Another_brand_can_neither_see_nor_revoke_the_keys()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var aKeys = await ListAsync(Api.ClientWith(a.AdminKey));
        var bAdmin = Api.ClientWith(b.AdminKey);

        var bKeys = await ListAsync(bAdmin);
        Assert.Empty(bKeys.Select(k => Str(k, "id")).Intersect(aKeys.Select(k => Str(k, "id"))));

        foreach (var key in aKeys)
            await (await bAdmin.DeleteAsync($"{Path}/{Str(key, "id")}")).AssertErrorAsync(HttpStatusCode.NotFound, "api_key_not_found");
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(a.AdminKey).GetAsync("/v1/listings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(a.SandboxAdminKey).GetAsync("/v1/listings")).StatusCode);
        Assert.All(await ListAsync(Api.ClientWith(a.AdminKey)), k => Assert.Equal(JsonValueKind.Null, k.GetProperty("revoked_at").ValueKind));
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("123")]
    public async Task Unknown_ids_are_not_found(string id)
    {
        var brand = await NewBrandAsync();

        var response = await Api.ClientWith(brand.AdminKey).DeleteAsync($"{Path}/{id}");

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "api_key_not_found");
    }

    [Fact]
    public async Task Creation_and_revocation_are_audited_without_the_secret()
    {
        var brand = await NewBrandAsync();
        var admin = Api.ClientWith(brand.AdminKey);
        var created = await CreateAsync(admin, """{"name":"audited","role":"member","scopes":["read","write"],"environment":"sandbox"}""");
        var id = Str(created, "id");
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"{Path}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"{Path}/{id}")).StatusCode);

        var response = await admin.GetAsync("/v1/partner/audit-log");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.DoesNotContain(Str(created, "secret"), text);
        var entries = JsonDocument.Parse(text).RootElement.GetProperty("data").EnumerateArray()
            .Where(e => Str(e, "target_id") == id).ToArray();

        // Newest first; the second revocation changed nothing and records nothing.
        Assert.Equal(["api_key.revoked", "api_key.created"], entries.Select(e => Str(e, "action")));
        var adminPrefix = brand.AdminKey[..15];
        Assert.All(entries, e => Assert.Equal(adminPrefix, Str(e, "actor_key_prefix")));
        var changes = entries[1].GetProperty("changes");
        Assert.Equal("audited", Str(changes.GetProperty("name"), "to"));
        Assert.Equal("member", Str(changes.GetProperty("role"), "to"));
        Assert.Equal(["read", "write"], changes.GetProperty("scopes").GetProperty("to").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("sandbox", Str(changes.GetProperty("environment"), "to"));
        Assert.Equal(Str(created, "prefix"), Str(changes.GetProperty("prefix"), "to"));
        Assert.Equal(JsonValueKind.Null, changes.GetProperty("name").GetProperty("from").ValueKind);
        // jsonb keeps its own key order, so compare the set of fields.
        Assert.Equal(["environment", "name", "prefix", "role", "scopes"], changes.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Matches(Timestamp, Str(entries[0].GetProperty("changes").GetProperty("revoked_at"), "to"));

        // Audit entries live on the caller's plane: the sandbox never saw this live admin act.
        var sandboxLog = await (await Api.ClientWith(brand.SandboxAdminKey).GetAsync("/v1/partner/audit-log")).JsonAsync();
        Assert.DoesNotContain(sandboxLog.GetProperty("data").EnumerateArray(), e => Str(e, "target_id") == id);
    }

    [Fact]
    public async Task A_sandbox_callers_changes_are_audited_in_the_sandbox()
    {
        var brand = await NewBrandAsync();
        var sandbox = Api.ClientWith(brand.SandboxAdminKey);

        var created = await CreateAsync(sandbox, """{"name":"sandbox audited","role":"admin","scopes":["read"]}""");

        var sandboxLog = await (await sandbox.GetAsync("/v1/partner/audit-log")).JsonAsync();
        Assert.Contains(sandboxLog.GetProperty("data").EnumerateArray(), e => Str(e, "target_id") == Str(created, "id") && Str(e, "action") == "api_key.created");
        var liveLog = await (await Api.ClientWith(brand.AdminKey).GetAsync("/v1/partner/audit-log")).JsonAsync();
        Assert.DoesNotContain(liveLog.GetProperty("data").EnumerateArray(), e => Str(e, "target_id") == Str(created, "id"));
    }

    [Fact]
    public async Task Creating_in_an_environment_where_the_brand_does_not_exist_is_a_conflict()
    {
        var id = $"t-{Guid.NewGuid():N}"[..14];
        await using (var db = Api.Planes.Open(Repurch.Api.Persistence.Plane.Live, id))
        {
            db.Brands.Add(new Repurch.Api.Persistence.Brand { Id = id, Name = id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        string key;
        await using (var db = Api.Planes.Open(Repurch.Api.Persistence.Plane.Live, id))
            key = await Repurch.Api.Cli.ApiKeyIssuer.CreateAsync(db, id, Repurch.Api.Persistence.Plane.Live, "admin", ["read", "write"], "admin");

        var response = await Api.ClientWith(key).PostJsonAsync(Path, """{"name":"k","role":"admin","scopes":["read"],"environment":"sandbox"}""");

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "environment_unavailable");
        Assert.Single(await ListAsync(Api.ClientWith(key)));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_rules()
    {
        var doc = System.Text.Json.Nodes.JsonNode.Parse(await Api.ClientWith(null).GetStringAsync("/openapi/v1.json"))!;
        var post = doc["paths"]![Path]!["post"]!;
        Assert.Contains("role_invalid", post["responses"]!["400"]!["description"]!.GetValue<string>());
        Assert.Contains("exceed", post["responses"]!["403"]!["description"]!.GetValue<string>());
        Assert.Contains("shown this once", post["description"]!.GetValue<string>());
        Assert.NotNull(post["requestBody"]);
        Assert.NotNull(doc["paths"]![Path]!["get"]);
        Assert.Contains("api_key_not_found", doc["paths"]![$"{Path}/{{id}}"]!["delete"]!["responses"]!["404"]!["description"]!.GetValue<string>());
    }
}
