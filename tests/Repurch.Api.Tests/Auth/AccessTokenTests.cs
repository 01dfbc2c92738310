using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Repurch.Api.Auth;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Auth;

/// <summary>
/// <c>POST /v1/auth/token</c> and <c>/v1/auth/refresh</c>: the pair they return, rotation with
/// family revocation, and every way of forging an access token.
/// </summary>
public sealed class AccessTokenTests : ApiTest
{
    // --- Exchange -----------------------------------------------------------------------------

    [Fact]
    public async Task Exchanging_an_api_key_returns_a_bearer_pair_valid_for_fifteen_minutes()
    {
        var brand = await NewBrandAsync();

        var response = await Api.ClientWith(brand.AdminKey).PostAsync("/v1/auth/token", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(["access_token", "token_type", "expires_in", "refresh_token"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(900, body.GetProperty("expires_in").GetInt32());
        Assert.StartsWith("re_rt_live_", body.GetProperty("refresh_token").GetString());

        var jwt = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal("HS256", jwt.Alg);
        Assert.StartsWith("live_", jwt.Kid);
        Assert.Equal(brand.Id, jwt.GetClaim("brand_id").Value);
        Assert.Equal("live", jwt.GetClaim("env").Value);
        Assert.Equal("admin", jwt.GetClaim("role").Value);
        Assert.Equal("read write", jwt.GetClaim("scope").Value);
        Assert.Equal((await KeyIdAsync(brand.Id, Plane.Live, brand.AdminKey)).ToString(), jwt.Subject);
        Assert.Equal(TimeSpan.FromMinutes(15), jwt.ValidTo - jwt.IssuedAt);
    }

    [Fact]
    public async Task An_access_token_reads_the_brands_listings()
    {
        var brand = await NewBrandAsync();
        var id = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey));
        var pair = await ExchangeAsync(brand.AdminKey);

        var response = await Api.ClientWith(pair.Access).GetAsync("/v1/listings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(brand.Id, body.GetProperty("meta").GetProperty("brand_id").GetString());
        Assert.Equal(id, body.GetProperty("data").EnumerateArray().Single().GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task An_access_token_carries_the_keys_scopes_and_role()
    {
        var brand = await NewBrandAsync();
        var readOnly = await ExchangeAsync(brand.ReadOnlyKey);
        var member = await ExchangeAsync(brand.MemberKey);

        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(readOnly.Access).GetAsync("/v1/listings")).StatusCode);
        await (await Api.ClientWith(readOnly.Access).PostJsonAsync("/v1/listings", Infrastructure.Listings.ValidCreate))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(member.Access).GetAsync("/v1/listings")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task An_access_token_cannot_mint_another_token()
    {
        var brand = await NewBrandAsync();
        var pair = await ExchangeAsync(brand.AdminKey);

        var response = await Api.ClientWith(pair.Access).PostAsync("/v1/auth/token", null);

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Token_exchange_without_a_bearer_is_missing_bearer_token()
    {
        await (await Api.ClientWith(null).PostAsync("/v1/auth/token", null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
    }

    [Fact]
    public async Task Token_exchange_with_a_revoked_key_is_invalid_token()
    {
        var brand = await NewBrandAsync();
        await RevokeKeyAsync(brand.Id, brand.AdminKey);

        var response = await Api.ClientWith(brand.AdminKey).PostAsync("/v1/auth/token", null);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task A_refresh_token_is_not_a_bearer_credential()
    {
        var brand = await NewBrandAsync();
        var pair = await ExchangeAsync(brand.AdminKey);

        var response = await Api.ClientWith(pair.Refresh).GetAsync("/v1/listings");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    // --- Refresh ------------------------------------------------------------------------------

    [Fact]
    public async Task Refresh_returns_a_new_working_pair_and_retires_the_old_refresh_token()
    {
        var brand = await NewBrandAsync();
        var first = await ExchangeAsync(brand.AdminKey);

        var response = await RefreshAsync(first.Refresh);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(900, body.GetProperty("expires_in").GetInt32());
        var second = Pair(body);
        Assert.NotEqual(first.Refresh, second.Refresh);
        Assert.NotEqual(first.Access, second.Access);
        Assert.StartsWith("re_rt_live_", second.Refresh);
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(second.Access).GetAsync("/v1/listings")).StatusCode);

        await (await RefreshAsync(first.Refresh)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Each_refresh_token_in_a_chain_can_be_used_once()
    {
        var brand = await NewBrandAsync();
        var pair = await ExchangeAsync(brand.AdminKey);

        for (var i = 0; i < 3; i++)
        {
            var response = await RefreshAsync(pair.Refresh);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pair = Pair(await response.JsonAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(pair.Refresh)).StatusCode);
    }

    [Fact]
    public async Task Reusing_a_retired_refresh_token_revokes_the_whole_family()
    {
        var brand = await NewBrandAsync();
        var first = await ExchangeAsync(brand.AdminKey);
        var second = Pair(await (await RefreshAsync(first.Refresh)).JsonAsync());
        var third = Pair(await (await RefreshAsync(second.Refresh)).JsonAsync());

        await (await RefreshAsync(first.Refresh)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");

        await (await RefreshAsync(third.Refresh)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.All(await db.RefreshTokens.ToListAsync(), t => Assert.NotNull(t.RevokedAt));
    }

    [Fact]
    public async Task Family_revocation_leaves_other_families_of_the_same_key_working()
    {
        var brand = await NewBrandAsync();
        var victim = await ExchangeAsync(brand.AdminKey);
        var other = await ExchangeAsync(brand.AdminKey);
        await RefreshAsync(victim.Refresh);

        await (await RefreshAsync(victim.Refresh)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");

        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(other.Refresh)).StatusCode);
    }

    [Fact]
    public async Task Concurrent_refreshes_with_the_same_token_succeed_at_most_once()
    {
        var brand = await NewBrandAsync();
        var pair = await ExchangeAsync(brand.AdminKey);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RefreshAsync(pair.Refresh)));

        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) <= 1,
            string.Join(", ", responses.Select(r => (int)r.StatusCode)));
        foreach (var failed in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await failed.AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        // One row for the original token, and at most one successor.
        Assert.InRange(await db.RefreshTokens.CountAsync(), 1, 2);
    }

    [Fact]
    public async Task Refresh_after_the_api_key_is_revoked_is_invalid_token()
    {
        var brand = await NewBrandAsync();
        var pair = await ExchangeAsync(brand.AdminKey);
        await RevokeKeyAsync(brand.Id, brand.AdminKey);

        await (await RefreshAsync(pair.Refresh)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Refresh_with_an_expired_refresh_token_is_invalid_token()
    {
        var brand = await NewBrandAsync();
        var pair = await ExchangeAsync(brand.AdminKey);
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            await db.RefreshTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        await (await RefreshAsync(pair.Refresh)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Theory]
    [InlineData("re_rt_live_")]
    [InlineData("re_rt_test_")]
    [InlineData("not-a-refresh-token")]
    public async Task Refresh_with_an_unknown_token_is_invalid_token(string prefix)
    {
        var response = await RefreshAsync(prefix + Secrets.Random(43));

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Refresh_with_an_access_token_is_invalid_token()
    {
        var brand = await NewBrandAsync();
        var pair = await ExchangeAsync(brand.AdminKey);

        await (await RefreshAsync(pair.Access)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Theory]
    [InlineData("{}", "refresh_token_required")]
    [InlineData("""{"refresh_token": null}""", "refresh_token_required")]
    [InlineData("""{"refresh_token": " "}""", "refresh_token_required")]
    [InlineData("""{"refresh_token": 42}""", "refresh_token_invalid")]
    [InlineData("""{"refresh_token": "rt_x", "refresh_token": "rt_y"}""", "refresh_token_duplicate")]
    [InlineData("""{"refresh_token": "rt_x", "grant_type": "refresh_token"}""", "grant_type_unknown")]
    public async Task Refresh_without_a_refresh_token_is_validation_failed(string json, string code)
    {
        var response = await Api.ClientWith(null).PostJsonAsync("/v1/auth/refresh", json);

        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([code], body.ErrorCodes());
    }

    // --- Forged access tokens -----------------------------------------------------------------

    [Fact]
    public async Task A_token_built_here_with_the_brands_real_key_is_accepted()
    {
        // The control for every forgery below: the builder produces tokens the API accepts, so
        // each rejection is down to the one thing the forgery changes.
        var brand = await NewBrandAsync();
        var key = await SigningKeyAsync(brand, Plane.Live);

        var token = Forge.Sign(key.Secret, key.Kid, Forge.Claims(brand.Id, "live", key.KeyId));

        var response = await Api.ClientWith(token).GetAsync("/v1/listings");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(brand.Id, (await response.JsonAsync()).GetProperty("meta").GetProperty("brand_id").GetString());
    }

    [Fact]
    public async Task A_token_re_signed_with_another_key_under_the_same_kid_is_invalid_token()
    {
        var brand = await NewBrandAsync();
        var key = await SigningKeyAsync(brand, Plane.Live);

        var token = Forge.Sign(RandomNumberGenerator.GetBytes(32), key.Kid, Forge.Claims(brand.Id, "live", key.KeyId));

        await AssertRejectedAsync(token);
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_invalid_token()
    {
        var brand = await NewBrandAsync();
        var real = await ExchangeAsync(brand.AdminKey);
        var parts = real.Access.Split('.');
        var header = Forge.Segment(new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = new JsonWebToken(real.Access).Kid });

        await AssertRejectedAsync($"{header}.{parts[1]}.");
        await AssertRejectedAsync($"{header}.{parts[1]}.{parts[2]}");
    }

    [Fact]
    public async Task A_token_signed_with_the_right_key_but_another_algorithm_is_invalid_token()
    {
        var brand = await NewBrandAsync();
        var key = await SigningKeyAsync(brand, Plane.Live);

        var claims = Forge.Claims(brand.Id, "live", key.KeyId);

        // Built by hand: the library refuses HS512 with a 256-bit key, an attacker's code would not.
        await AssertRejectedAsync(Forge.SignByHand("HS512", key.Kid, claims, data => HMACSHA512.HashData(key.Secret, data)));
        await AssertRejectedAsync(Forge.SignByHand("HS384", key.Kid, claims, data => HMACSHA384.HashData(key.Secret, data)));
        // Control: the same hand-built token with HS256 is accepted.
        var control = Forge.SignByHand("HS256", key.Kid, claims, data => HMACSHA256.HashData(key.Secret, data));
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(control).GetAsync("/v1/listings")).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_signed_with_the_brands_real_key_is_invalid_token()
    {
        var brand = await NewBrandAsync();
        var key = await SigningKeyAsync(brand, Plane.Live);

        var token = Forge.Sign(key.Secret, key.Kid, Forge.Claims(brand.Id, "live", key.KeyId, issuedAt: DateTimeOffset.UtcNow.AddMinutes(-20)));

        await AssertRejectedAsync(token);
    }

    [Fact]
    public async Task A_token_that_is_not_yet_valid_is_invalid_token()
    {
        var brand = await NewBrandAsync();
        var key = await SigningKeyAsync(brand, Plane.Live);

        var token = Forge.Sign(key.Secret, key.Kid, Forge.Claims(brand.Id, "live", key.KeyId, issuedAt: DateTimeOffset.UtcNow.AddMinutes(5)));

        await AssertRejectedAsync(token);
    }

    [Theory]
    [InlineData("exp")]
    [InlineData("brand_id")]
    [InlineData("env")]
    [InlineData("role")]
    [InlineData("sub")]
    public async Task A_token_missing_a_required_claim_is_invalid_token(string claim)
    {
        var brand = await NewBrandAsync();
        var key = await SigningKeyAsync(brand, Plane.Live);
        var claims = Forge.Claims(brand.Id, "live", key.KeyId);
        Assert.True(claims.Remove(claim));

        await AssertRejectedAsync(Forge.Sign(key.Secret, key.Kid, claims));
    }

    [Theory]
    [InlineData("iss", "https://evil.example.com")]
    [InlineData("aud", "someone-else")]
    [InlineData("role", "superadmin")]
    [InlineData("sub", "not-a-guid")]
    public async Task A_token_with_a_wrong_claim_is_invalid_token(string claim, string value)
    {
        var brand = await NewBrandAsync();
        var key = await SigningKeyAsync(brand, Plane.Live);
        var claims = Forge.Claims(brand.Id, "live", key.KeyId);
        claims[claim] = value;

        await AssertRejectedAsync(Forge.Sign(key.Secret, key.Kid, claims));
    }

    [Fact]
    public async Task A_token_signed_with_one_brands_key_for_another_brand_is_invalid_token_and_reads_nothing()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var bListing = await Infrastructure.Listings.CreateAsync(Api.ClientWith(b.AdminKey),
            Infrastructure.Listings.ValidCreate.Replace("Grey velvet corner sofa", "Brand B secret sofa"));
        await ExchangeAsync(b.AdminKey); // B has a signing key of its own, too.
        var aKey = await SigningKeyAsync(a, Plane.Live);
        var bKeyId = await KeyIdAsync(b.Id, Plane.Live, b.AdminKey);

        var token = Forge.Sign(aKey.Secret, aKey.Kid, Forge.Claims(b.Id, "live", bKeyId));

        foreach (var url in new[] { "/v1/listings", $"/v1/listings/{bListing}", "/v1/listings?status=any" })
        {
            var response = await Api.ClientWith(token).GetAsync(url);
            await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
            Assert.DoesNotContain("Brand B secret sofa", await response.Content.ReadAsStringAsync());
        }
        await (await Api.ClientWith(token).PatchJsonAsync($"/v1/listings/{bListing}", """{"title":"pwned"}"""))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Api.ClientWith(token).DeleteAsync($"/v1/listings/{bListing}"))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        var after = await (await Api.ClientWith(b.AdminKey).GetAsync($"/v1/listings/{bListing}")).JsonAsync();
        Assert.Equal("Brand B secret sofa", after.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_token_signed_with_one_brands_secret_under_another_brands_kid_is_invalid_token()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var aKey = await SigningKeyAsync(a, Plane.Live);
        var bKey = await SigningKeyAsync(b, Plane.Live);

        var token = Forge.Sign(aKey.Secret, bKey.Kid, Forge.Claims(b.Id, "live", bKey.KeyId));

        await AssertRejectedAsync(token);
    }

    [Theory]
    [InlineData("live_")]
    [InlineData("test_")]
    [InlineData("prod_")]
    [InlineData("")]
    public async Task A_token_with_an_unknown_kid_is_invalid_token(string kidPrefix)
    {
        var brand = await NewBrandAsync();
        var keyId = await KeyIdAsync(brand.Id, Plane.Live, brand.AdminKey);

        var token = Forge.Sign(RandomNumberGenerator.GetBytes(32), kidPrefix + Secrets.Random(20), Forge.Claims(brand.Id, "live", keyId));

        await AssertRejectedAsync(token);
    }

    [Fact]
    public async Task A_token_without_a_kid_is_invalid_token()
    {
        var brand = await NewBrandAsync();
        var key = await SigningKeyAsync(brand, Plane.Live);

        var token = Forge.Sign(key.Secret, kid: null, Forge.Claims(brand.Id, "live", key.KeyId));

        await AssertRejectedAsync(token);
    }

    [Theory]
    [InlineData("scope", "read write")]
    [InlineData("role", "admin")]
    [InlineData("exp", null)]
    public async Task A_real_token_with_a_tampered_payload_is_invalid_token(string claim, string? value)
    {
        var brand = await NewBrandAsync();
        // A read-only member's token: every tampering below would widen it.
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var weak = await Repurch.Api.Cli.ApiKeyIssuer.CreateAsync(db, brand.Id, Plane.Live, Roles.Member, [Scopes.Read], "weak");
            var real = await ExchangeAsync(weak);
            var parts = real.Access.Split('.');
            var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
            payload[claim] = value is null ? JsonValue.Create(payload["exp"]!.GetValue<long>() + 86_400) : JsonValue.Create(value);
            var tampered = $"{parts[0]}.{Forge.Segment(payload)}.{parts[2]}";

            await AssertRejectedAsync(tampered);
            await (await Api.ClientWith(tampered).PostJsonAsync("/v1/listings", Infrastructure.Listings.ValidCreate))
                .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        }
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task A_live_env_claim_under_a_sandbox_kid_is_invalid_token()
    {
        var brand = await NewBrandAsync();
        var sandboxKey = await SigningKeyAsync(brand, Plane.Sandbox);
        Assert.StartsWith("test_", sandboxKey.Kid);
        // Control: the same forgery with the matching env is accepted on the sandbox plane.
        var matching = Forge.Sign(sandboxKey.Secret, sandboxKey.Kid, Forge.Claims(brand.Id, "test", sandboxKey.KeyId));
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(matching).GetAsync("/v1/listings")).StatusCode);

        var token = Forge.Sign(sandboxKey.Secret, sandboxKey.Kid, Forge.Claims(brand.Id, "live", sandboxKey.KeyId));

        await AssertRejectedAsync(token);
    }

    [Fact]
    public async Task A_test_env_claim_under_a_live_kid_is_invalid_token()
    {
        var brand = await NewBrandAsync();
        var liveKey = await SigningKeyAsync(brand, Plane.Live);

        var token = Forge.Sign(liveKey.Secret, liveKey.Kid, Forge.Claims(brand.Id, "test", liveKey.KeyId));

        await AssertRejectedAsync(token);
    }

    [Fact]
    public async Task A_sandbox_signing_key_presented_under_a_live_kid_name_is_invalid_token()
    {
        var brand = await NewBrandAsync();
        var sandboxKey = await SigningKeyAsync(brand, Plane.Sandbox);

        var token = Forge.Sign(sandboxKey.Secret, "live_" + sandboxKey.Kid["test_".Length..], Forge.Claims(brand.Id, "live", sandboxKey.KeyId));

        await AssertRejectedAsync(token);
    }

    // --- Helpers ------------------------------------------------------------------------------

    private sealed record TokenPairStrings(string Access, string Refresh);

    private sealed record BrandSigningKey(string Kid, byte[] Secret, Guid KeyId);

    private static TokenPairStrings Pair(JsonElement body) =>
        new(body.GetProperty("access_token").GetString()!, body.GetProperty("refresh_token").GetString()!);

    private async Task<TokenPairStrings> ExchangeAsync(string apiKey)
    {
        var response = await Api.ClientWith(apiKey).PostAsync("/v1/auth/token", null);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return Pair(body);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Api.ClientWith(null).PostJsonAsync("/v1/auth/refresh", JsonSerializer.Serialize(new { refresh_token = refreshToken }));

    /// <summary>The brand's signing key on <paramref name="plane"/>, read from its own rows; the admin key's id for <c>sub</c>.</summary>
    private async Task<BrandSigningKey> SigningKeyAsync(TestBrand brand, Plane plane)
    {
        var apiKey = plane == Plane.Live ? brand.AdminKey : brand.SandboxAdminKey;
        await ExchangeAsync(apiKey);
        await using var db = Api.Planes.Open(plane, brand.Id);
        var key = await db.SigningKeys.SingleAsync();
        return new BrandSigningKey(key.Kid, key.Secret, await KeyIdAsync(brand.Id, plane, apiKey));
    }

    private async Task<Guid> KeyIdAsync(string brandId, Plane plane, string apiKey)
    {
        await using var db = Api.Planes.Open(plane, brandId);
        var hash = Secrets.Hash(apiKey);
        return await db.ApiKeys.Where(k => k.SecretHash == hash).Select(k => k.Id).SingleAsync();
    }

    private async Task RevokeKeyAsync(string brandId, string apiKey)
    {
        await using var db = Api.Planes.Open(Plane.Live, brandId);
        var hash = Secrets.Hash(apiKey);
        Assert.Equal(1, await db.ApiKeys.Where(k => k.SecretHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTimeOffset.UtcNow)));
    }

    private async Task AssertRejectedAsync(string token)
    {
        var response = await Api.ClientWith(token).GetAsync("/v1/listings");
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.Single().ToString());
    }
}

/// <summary>Builds access tokens by hand, the way an attacker (or a buggy client) would.</summary>
internal static class Forge
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>The claims the API issues, for a token issued at <paramref name="issuedAt"/> (default now) lasting 15 minutes.</summary>
    public static Dictionary<string, object> Claims(string brandId, string env, Guid keyId, string role = "admin", string scope = "read write", DateTimeOffset? issuedAt = null)
    {
        var iat = (issuedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        return new Dictionary<string, object>
        {
            ["iss"] = AccessTokens.Issuer,
            ["aud"] = AccessTokens.Audience,
            ["iat"] = iat,
            ["nbf"] = iat,
            ["exp"] = iat + (long)AccessTokens.Lifetime.TotalSeconds,
            ["sub"] = keyId.ToString(),
            ["brand_id"] = brandId,
            ["env"] = env,
            ["role"] = role,
            ["scope"] = scope,
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
    }

    public static string Sign(byte[] secret, string? kid, Dictionary<string, object> claims)
    {
        var key = new SymmetricSecurityKey(secret);
        if (kid is not null) key.KeyId = kid;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Claims = claims,
        });
    }

    /// <summary>A compact JWS assembled without the library, so any header and signature can be produced.</summary>
    public static string SignByHand(string alg, string kid, Dictionary<string, object> claims, Func<byte[], byte[]> mac)
    {
        var header = Segment(new JsonObject { ["alg"] = alg, ["kid"] = kid, ["typ"] = "JWT" });
        var payload = Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = Base64UrlEncoder.Encode(mac(Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    public static string Segment(JsonObject json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
