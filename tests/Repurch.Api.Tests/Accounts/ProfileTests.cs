using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using static Repurch.Api.Tests.ConsumerAccounts.AccountTestSupport;

namespace Repurch.Api.Tests.ConsumerAccounts;

/// <summary><c>PATCH /v1/me</c>: the display name, and a password change that signs out the account's other sessions.</summary>
public sealed class ProfileTests : ApiTest
{
    private static string Json(object body) => JsonSerializer.Serialize(body);

    private static string PasswordChange(string current, string next) =>
        Json(new Dictionary<string, string> { ["current_password"] = current, ["password"] = next });

    [Fact]
    public async Task Display_name_changes_on_the_account_and_its_seller_row_and_is_audited()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand, "Old Name");

        var body = await (await account.Client(Api).PatchJsonAsync("/v1/me", """{"display_name":"  Sam Q. Patel  "}""")).OkAsync();

        Assert.Equal("Sam Q. Patel", body.GetProperty("display_name").GetString());
        Assert.Equal(account.Id, body.GetProperty("id").GetString());
        Assert.Equal("Sam Q. Patel", (await (await account.Client(Api).GetAsync("/v1/me")).OkAsync()).GetProperty("display_name").GetString());
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal("Sam Q. Patel", await db.Sellers.Where(s => s.AccountId == account.Id).Select(s => s.DisplayName).SingleAsync());
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "account.updated");
        Assert.Equal(account.Id, audit.TargetId);
        Assert.Contains("Old Name", audit.Changes);
        // The password still works: only the name changed.
        await TestAccount.SignInAsync(Api, brand, account.Email, account.Password);
    }

    [Fact]
    public async Task Password_change_needs_the_current_password_and_signs_out_every_other_session()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var (otherAccess, otherRefresh) = await TestAccount.SignInAsync(Api, brand, account.Email, account.Password);
        var next = TestAccount.NewPassword();

        var body = await (await account.Client(Api).PatchJsonAsync("/v1/me", PasswordChange(account.Password, next))).OkAsync();
        Assert.Equal(account.Id, body.GetProperty("id").GetString());

        // This session goes on; the other one is over, user token and refresh token alike.
        Assert.Equal(HttpStatusCode.OK, (await account.Client(Api).GetAsync("/v1/me")).StatusCode);
        await (await Api.ClientWith(otherAccess).GetAsync("/v1/me")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts/sessions/refresh", Json(new { refresh_token = otherRefresh })))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts/sessions/refresh", Json(new { refresh_token = account.RefreshToken }))).StatusCode);

        // The new password signs in, the old one does not.
        await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts/sessions", SignInJson(account.Email, account.Password)))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await TestAccount.SignInAsync(Api, brand, account.Email, next);

        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "account.updated");
        Assert.DoesNotContain(next, audit.Changes);
        Assert.DoesNotContain(account.Password, audit.Changes);
        Assert.Contains("password", audit.Changes);
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing_and_counts_as_a_failed_sign_in()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var (otherAccess, _) = await TestAccount.SignInAsync(Api, brand, account.Email, account.Password);
        var next = TestAccount.NewPassword();

        await (await account.Client(Api).PatchJsonAsync("/v1/me", PasswordChange(account.Password + "x", next)))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "current_password_incorrect");

        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(otherAccess).GetAsync("/v1/me")).StatusCode);
        await TestAccount.SignInAsync(Api, brand, account.Email, account.Password);
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var failed = await db.AuditLog.SingleAsync(a => a.Action == "account.sign_in_failed");
            Assert.Contains("wrong_current_password", failed.Changes);
            Assert.DoesNotContain(account.Password, failed.Changes);
            Assert.False(await db.AuditLog.AnyAsync(a => a.Action == "account.updated"));
        }

        // Guessing the current password with a stolen user token hits the sign-in throttle.
        for (var i = 0; i < 4; i++)
            await (await account.Client(Api).PatchJsonAsync("/v1/me", PasswordChange($"guess number {i} wrong", next))).AssertErrorAsync(HttpStatusCode.Forbidden, "current_password_incorrect");
        // The successful sign-in above forgave the first failure, so this is the fifth since.
        await (await account.Client(Api).PatchJsonAsync("/v1/me", PasswordChange("guess number 5 wrong", next))).AssertErrorAsync(HttpStatusCode.Forbidden, "current_password_incorrect");
        var throttled = await account.Client(Api).PatchJsonAsync("/v1/me", PasswordChange(account.Password, next));
        await throttled.AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.NotNull(throttled.Headers.RetryAfter);
        await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts/sessions", SignInJson(account.Email, next)))
            .AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Theory]
    [InlineData("""{"password":"a fresh long passphrase"}""", "current_password_required")]
    [InlineData("""{"password":"aaaaaaaaaaaaaaaa","current_password":"x"}""", "password_repetitive")]
    [InlineData("""{"password":"short one","current_password":"x"}""", "password_too_short")]
    [InlineData("""{"password":"password1234","current_password":"x"}""", "password_too_common")]
    [InlineData("""{"password":5,"current_password":"x"}""", "password_invalid")]
    [InlineData("""{"password":"a fresh long passphrase","current_password":7}""", "current_password_invalid")]
    [InlineData("""{"display_name":null}""", "display_name_invalid")]
    [InlineData("""{"display_name":"   "}""", "display_name_invalid")]
    [InlineData("""{"display_name":5}""", "display_name_invalid")]
    [InlineData("""{"display_name":"Sam\u0007"}""", "display_name_invalid")]
    [InlineData("""{"email":"new@example.com"}""", "email_unknown")]
    [InlineData("""{"display_name":"A","display_name":"B"}""", "display_name_duplicate")]
    public async Task Bad_fields_are_validation_failed_and_change_nothing(string json, string code)
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand, "Kept Name");

        var body = await (await account.Client(Api).PatchJsonAsync("/v1/me", json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains(code, body.ErrorCodes());
        var stored = await AccountAsync(Api, brand.Id, account.Id);
        Assert.Equal("Kept Name", stored.DisplayName);
        await TestAccount.SignInAsync(Api, brand, account.Email, account.Password);
    }

    [Fact]
    public async Task The_new_password_may_not_contain_the_email_or_the_brand()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var local = account.Email.Split('@')[0];

        var email = await (await account.Client(Api).PatchJsonAsync("/v1/me", PasswordChange(account.Password, $"my {local} passphrase"))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["password_contains_email"], email.ErrorCodes());
        var brandWord = await (await account.Client(Api).PatchJsonAsync("/v1/me", PasswordChange(account.Password, $"love {brand.Id} sofas"))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["password_contains_brand"], brandWord.ErrorCodes());
        await TestAccount.SignInAsync(Api, brand, account.Email, account.Password);
    }

    [Fact]
    public async Task Bad_bodies_and_wrong_credentials_are_4xx()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand, "Kept Name");
        var user = account.Client(Api);

        await (await user.PatchJsonAsync("/v1/me", "{")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await user.PatchJsonAsync("/v1/me", "{}")).AssertErrorAsync(HttpStatusCode.BadRequest, "no_fields");
        await (await user.PatchJsonAsync("/v1/me", "[1]")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        await (await user.PatchJsonAsync("/v1/me", Json(new { display_name = new string('x', 1024 * 1024) }))).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        var tooLong = await (await user.PatchJsonAsync("/v1/me", Json(new { display_name = new string('x', 101) }))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["display_name_too_long"], tooLong.ErrorCodes());
        await (await user.PatchAsync("/v1/me", new StringContent("display_name=x", System.Text.Encoding.UTF8, "text/plain"))).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

        await (await Api.ClientWith(brand.StorefrontKey).PatchJsonAsync("/v1/me", """{"display_name":"Storefront"}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.AdminKey).PatchJsonAsync("/v1/me", """{"display_name":"Admin"}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(null).PatchJsonAsync("/v1/me", """{"display_name":"Nobody"}""")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        Assert.Equal("Kept Name", (await AccountAsync(Api, brand.Id, account.Id)).DisplayName);
    }

    [Fact]
    public async Task A_change_touches_only_the_signed_in_account()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var a = await TestAccount.CreateAsync(Api, brand, "First Buyer");
        var b = await TestAccount.CreateAsync(Api, brand, "Second Buyer");
        var c = await TestAccount.CreateAsync(Api, other, "Elsewhere");
        var (bOther, _) = await TestAccount.SignInAsync(Api, brand, b.Email, b.Password);

        await (await a.Client(Api).PatchJsonAsync("/v1/me", """{"display_name":"Renamed"}""")).OkAsync();
        await (await a.Client(Api).PatchJsonAsync("/v1/me", PasswordChange(a.Password, TestAccount.NewPassword()))).OkAsync();

        Assert.Equal("Second Buyer", (await AccountAsync(Api, brand.Id, b.Id)).DisplayName);
        Assert.Equal("Elsewhere", (await AccountAsync(Api, other.Id, c.Id)).DisplayName);
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(bOther).GetAsync("/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Client(Api).GetAsync("/v1/me")).StatusCode);
        await TestAccount.SignInAsync(Api, brand, b.Email, b.Password);
        await TestAccount.SignInAsync(Api, other, c.Email, c.Password);
    }
}
