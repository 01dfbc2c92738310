using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using static Repurch.Api.Tests.ConsumerAccounts.AccountTestSupport;

namespace Repurch.Api.Tests.ConsumerAccounts;

/// <summary>Sign-in, refresh rotation with family revocation, sign-out, user-token authentication and <c>GET /v1/me</c>.</summary>
public sealed class SessionTests : ApiTest
{
    private static string RefreshJson(string token) => JsonSerializer.Serialize(new Dictionary<string, string> { ["refresh_token"] = token });

    [Fact]
    public async Task Sign_in_returns_a_consumer_token_for_the_account()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand, "Sam Patel");

        var body = await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts/sessions", SignInJson("  " + account.Email.ToUpperInvariant(), account.Password))).OkAsync();

        Assert.Equal(["access_token", "token_type", "expires_in", "refresh_token", "account"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(900, body.GetProperty("expires_in").GetInt32());
        Assert.StartsWith("re_rt_live_", body.GetProperty("refresh_token").GetString());
        Assert.Equal(account.Id, body.GetProperty("account").GetProperty("id").GetString());
        var jwt = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal("consumer", jwt.GetClaim("role").Value);
        Assert.Equal(account.Id, jwt.GetClaim("account_id").Value);
        Assert.Equal(brand.Id, jwt.GetClaim("brand_id").Value);
        Assert.Equal(TimeSpan.FromMinutes(15), jwt.ValidTo - jwt.IssuedAt);

        var me = await (await Api.ClientWith(body.GetProperty("access_token").GetString()).GetAsync("/v1/me")).OkAsync();
        Assert.Equal(account.Id, me.GetProperty("id").GetString());
        Assert.Equal(account.Email, me.GetProperty("email").GetString());
        Assert.Equal("Sam Patel", me.GetProperty("display_name").GetString());
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_are_the_same_answer_and_both_audited()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var client = Api.ClientWith(brand.StorefrontKey);

        var wrong = await (await client.PostJsonAsync("/v1/accounts/sessions", SignInJson(account.Email, account.Password + "x"))).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var unknown = await (await client.PostJsonAsync("/v1/accounts/sessions", SignInJson(NewEmail(), account.Password))).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(wrong.ToString(), unknown.ToString());

        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        var failures = await db.AuditLog.Where(a => a.Action == "account.sign_in_failed").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, failures.Count);
        Assert.Equal(account.Id, failures[0].TargetId);
        Assert.Null(failures[1].TargetId);
        Assert.All(failures, f => Assert.DoesNotContain(account.Password, f.Changes));
    }

    [Fact]
    public async Task An_account_of_another_brand_cannot_sign_in_through_this_storefront()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, other);

        await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts/sessions", SignInJson(account.Email, account.Password)))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Sign_in_bad_bodies_are_4xx()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.StorefrontKey);
        await (await client.PostJsonAsync("/v1/accounts/sessions", "{")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        var codes = (await (await client.PostJsonAsync("/v1/accounts/sessions", """{"email": 1, "extra": true}""")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes();
        Assert.Equal(["extra_unknown", "email_invalid", "password_required"], codes);
        await (await client.PostJsonAsync("/v1/accounts/sessions", SignInJson(NewEmail(), new string('p', 1024 * 1024)))).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await (await Api.ClientWith(brand.AdminKey).PostJsonAsync("/v1/accounts/sessions", SignInJson(NewEmail(), "whatever it is 12"))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Refresh_rotates_and_a_reused_refresh_token_revokes_the_whole_session()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var client = Api.ClientWith(brand.StorefrontKey);

        var first = await (await client.PostJsonAsync("/v1/accounts/sessions/refresh", RefreshJson(account.RefreshToken))).OkAsync();
        var secondRefresh = first.GetProperty("refresh_token").GetString()!;
        var secondAccess = first.GetProperty("access_token").GetString()!;
        Assert.NotEqual(account.RefreshToken, secondRefresh);
        Assert.Equal(account.Id, first.GetProperty("account").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(secondAccess).GetAsync("/v1/me")).StatusCode);

        // Replaying the retired token: refused, and the family dies, newest tokens included.
        await (await client.PostJsonAsync("/v1/accounts/sessions/refresh", RefreshJson(account.RefreshToken))).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await client.PostJsonAsync("/v1/accounts/sessions/refresh", RefreshJson(secondRefresh))).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Api.ClientWith(secondAccess).GetAsync("/v1/me")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await account.Client(Api).GetAsync("/v1/me")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");

        // Another session of the same account is untouched.
        var (otherAccess, _) = await TestAccount.SignInAsync(Api, brand, account.Email, account.Password);
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(otherAccess).GetAsync("/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Two_refreshes_of_one_token_at_once_yield_at_most_one_new_pair()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var client = Api.ClientWith(brand.StorefrontKey);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostJsonAsync("/v1/accounts/sessions/refresh", RefreshJson(account.RefreshToken))));

        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
    }

    [Fact]
    public async Task Refresh_tokens_do_not_cross_brands_or_audiences()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);

        // Another brand's storefront: unknown, and the token still works at home.
        await (await Api.ClientWith(other.StorefrontKey).PostJsonAsync("/v1/accounts/sessions/refresh", RefreshJson(account.RefreshToken))).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        // The partner refresh does not take a consumer's token.
        await (await Api.ClientWith(null).PostJsonAsync("/v1/auth/refresh", RefreshJson(account.RefreshToken))).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        var home = await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts/sessions/refresh", RefreshJson(account.RefreshToken))).OkAsync();

        // Nor does the consumer refresh take a partner's.
        var partner = await (await Api.ClientWith(brand.AdminKey).PostAsync("/v1/auth/token", null)).OkAsync();
        await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts/sessions/refresh", RefreshJson(partner.GetProperty("refresh_token").GetString()!)))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(null).PostJsonAsync("/v1/auth/refresh", RefreshJson(partner.GetProperty("refresh_token").GetString()!))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(home.GetProperty("access_token").GetString()).GetAsync("/v1/me")).StatusCode);

        var bad = await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts/sessions/refresh", """{"refresh_token": 5}""")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["refresh_token_invalid"], bad.ErrorCodes());
    }

    [Fact]
    public async Task Sign_out_ends_the_session_at_once()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var (otherAccess, _) = await TestAccount.SignInAsync(Api, brand, account.Email, account.Password);

        Assert.Equal(HttpStatusCode.NoContent, (await account.Client(Api).DeleteAsync("/v1/accounts/sessions/current")).StatusCode);

        await (await account.Client(Api).GetAsync("/v1/me")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts/sessions/refresh", RefreshJson(account.RefreshToken))).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(otherAccess).GetAsync("/v1/me")).StatusCode);
        await (await Api.ClientWith(brand.StorefrontKey).DeleteAsync("/v1/accounts/sessions/current")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_disabled_account_or_revoked_storefront_key_ends_its_tokens()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            await db.Accounts.Where(a => a.Id == account.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DisabledAt, DateTimeOffset.UtcNow));

        await (await account.Client(Api).GetAsync("/v1/me")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts/sessions", SignInJson(account.Email, account.Password))).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts/sessions/refresh", RefreshJson(account.RefreshToken))).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");

        var second = await TestAccount.CreateAsync(Api, brand);
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            await db.ApiKeys.Where(k => k.Role == "storefront").ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTimeOffset.UtcNow));
        await (await second.Client(Api).GetAsync("/v1/me")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task A_user_token_is_refused_on_partner_endpoints_and_a_partner_key_on_me()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var user = account.Client(Api);

        await (await user.GetAsync("/v1/listings")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await user.PostJsonAsync("/v1/listings", Infrastructure.Listings.ValidCreate)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await user.GetAsync("/v1/partner/settings/api-keys")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await user.GetAsync("/v1/marketplace/listings")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await user.PostAsync("/v1/auth/token", null)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));

        await (await Api.ClientWith(brand.AdminKey).GetAsync("/v1/me")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.StorefrontKey).GetAsync("/v1/me")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(null).GetAsync("/v1/me")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        var partnerToken = await (await Api.ClientWith(brand.AdminKey).PostAsync("/v1/auth/token", null)).OkAsync();
        await (await Api.ClientWith(partnerToken.GetProperty("access_token").GetString()).GetAsync("/v1/me")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Each_token_sees_only_its_own_account()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var a = await TestAccount.CreateAsync(Api, brand, "First Buyer");
        var b = await TestAccount.CreateAsync(Api, brand, "Second Buyer");
        var c = await TestAccount.CreateAsync(Api, other, "Elsewhere");

        Assert.Equal(a.Id, (await (await a.Client(Api).GetAsync("/v1/me")).OkAsync()).GetProperty("id").GetString());
        Assert.Equal(b.Id, (await (await b.Client(Api).GetAsync("/v1/me")).OkAsync()).GetProperty("id").GetString());
        Assert.Equal(c.Id, (await (await c.Client(Api).GetAsync("/v1/me")).OkAsync()).GetProperty("id").GetString());
    }
}
