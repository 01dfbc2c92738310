using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using static Repurch.Api.Tests.ConsumerAccounts.AccountTestSupport;

namespace Repurch.Api.Tests.ConsumerAccounts;

/// <summary><c>POST /v1/accounts</c>: a storefront key signs a consumer up under its brand.</summary>
public sealed class SignUpTests : ApiTest
{
    private const string Good = "violet tractor 93 umbrella";

    [Fact]
    public async Task Sign_up_creates_an_account_of_the_storefronts_brand_without_exposing_the_hash()
    {
        var brand = await NewBrandAsync();
        var email = NewEmail();

        var response = await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts", SignUpJson("  " + email.ToUpperInvariant() + " ", Good, "Sam Patel"));

        var body = await response.OkAsync(HttpStatusCode.Created);
        Assert.Equal(["id", "email", "display_name", "created_at", "updated_at"], body.EnumerateObject().Select(p => p.Name));
        var id = body.GetProperty("id").GetString()!;
        Assert.StartsWith("acct_", id);
        Assert.Equal(email, body.GetProperty("email").GetString());
        Assert.Equal("Sam Patel", body.GetProperty("display_name").GetString());
        Assert.DoesNotContain(Good, body.ToString());

        var account = await AccountAsync(Api, brand.Id, id);
        Assert.Equal(brand.Id, account.BrandId);
        Assert.NotEqual(Good, account.PasswordHash);
        Assert.DoesNotContain(Good, account.PasswordHash);
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<Account>().VerifyHashedPassword(null!, account.PasswordHash, Good));
        Assert.Equal(PasswordVerificationResult.Failed, new PasswordHasher<Account>().VerifyHashedPassword(null!, account.PasswordHash, Good + "x"));

        // The account is its own seller, and its creation is audited without the password.
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal("Sam Patel", (await db.Sellers.SingleAsync(s => s.AccountId == id)).DisplayName);
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "account.created");
        Assert.Equal(id, audit.TargetId);
        Assert.DoesNotContain(Good, audit.Changes);
    }

    [Fact]
    public async Task The_same_email_is_taken_within_a_brand_whatever_its_case_but_free_in_another_brand()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var email = NewEmail();
        Assert.Equal(HttpStatusCode.Created, (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts", SignUpJson(email, Good))).StatusCode);

        var again = await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts", SignUpJson(email.ToUpperInvariant(), "another fine 77 passphrase"));
        await again.AssertErrorAsync(HttpStatusCode.Conflict, "email_taken");
        Assert.Equal(1, await CountAccountsAsync(Api, brand.Id));

        var elsewhere = await Api.ClientWith(other.StorefrontKey).PostJsonAsync("/v1/accounts", SignUpJson(email, Good));
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Two_sign_ups_with_one_email_at_once_make_one_account()
    {
        var brand = await NewBrandAsync();
        var email = NewEmail();
        var client = Api.ClientWith(brand.StorefrontKey);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostJsonAsync("/v1/accounts", SignUpJson(email, Good))));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var a in answers.Where(a => a.StatusCode != HttpStatusCode.Created)) await a.AssertErrorAsync(HttpStatusCode.Conflict, "email_taken");
        Assert.Equal(1, await CountAccountsAsync(Api, brand.Id));
    }

    [Theory]
    [InlineData("short pass1", "password_too_short")]
    [InlineData("password1234", "password_too_common")]
    [InlineData("P@ssw0rd2024!", "password_too_common")]
    [InlineData("iloveyousunshine", "password_too_common")]
    [InlineData("aaaaaaaaaaaaaa", "password_repetitive")]
    [InlineData("abcabcabcabcabc", "password_repetitive")]
    [InlineData("123456789012", "password_sequential")]
    [InlineData("qwertyuiopasdf", "password_sequential")]
    [InlineData("zyxwvutsrqponm", "password_sequential")]
    public async Task Weak_passwords_are_refused_with_their_reason(string password, string code)
    {
        var brand = await NewBrandAsync();
        var response = await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), password));
        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([code], body.ErrorCodes());
        Assert.Equal(0, await CountAccountsAsync(Api, brand.Id));
    }

    [Fact]
    public async Task Passwords_with_the_email_or_the_brand_in_them_are_refused()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.StorefrontKey);

        var withEmail = await client.PostJsonAsync("/v1/accounts", SignUpJson("margaret.h@example.com", "xx Margaret.H 2719 yy"));
        Assert.Equal(["password_contains_email"], (await withEmail.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
        var withBrand = await client.PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), $"my {brand.Id} pass 2719"));
        Assert.Equal(["password_contains_brand"], (await withBrand.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
        var withPlatform = await client.PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), "RePurch rocks 2719 yes"));
        Assert.Equal(["password_contains_brand"], (await withPlatform.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
        Assert.Equal(0, await CountAccountsAsync(Api, brand.Id));
    }

    [Fact]
    public async Task Length_counts_code_points_after_nfkc_and_allows_long_passphrases()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.StorefrontKey);
        // Eleven emoji are 22 UTF-16 units but 11 code points: too short.
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 5)) + string.Concat(Enumerable.Repeat("\U0001F680", 6));
        Assert.Equal(["password_too_short"], (await (await client.PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), emoji))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());

        var words = "correct battery staple orbit lantern meadow quartz ripple saddle tundra velvet willow ";
        var ok128 = (words + words)[..128];
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), ok128))).StatusCode);
        Assert.Equal(["password_too_long"], (await (await client.PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), ok128 + "z"))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());

        // NFKC: the full-width form signs in as the same password.
        var email = NewEmail();
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/v1/accounts", SignUpJson(email, "ｖｉｏｌｅｔ tractor 93 umbrella"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/accounts/sessions", SignInJson(email, "violet tractor 93 umbrella"))).StatusCode);
    }

    [Fact]
    public async Task Every_field_problem_is_reported_at_once()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.StorefrontKey);

        var body = await (await client.PostJsonAsync("/v1/accounts", """{"email": "not-an-email", "password": 12, "display_name": "", "age": 3}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["age_unknown", "email_invalid", "password_invalid", "display_name_required"], body.ErrorCodes());

        var missing = await (await client.PostJsonAsync("/v1/accounts", "{}")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["email_required", "password_required", "display_name_required"], missing.ErrorCodes());

        var longName = await (await client.PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), Good, new string('n', 101)))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["display_name_too_long"], longName.ErrorCodes());
        var longEmail = await (await client.PostJsonAsync("/v1/accounts", SignUpJson(new string('a', 60) + "@" + new string('b', 200) + ".com", Good))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["email_too_long"], longEmail.ErrorCodes());
        Assert.Equal(0, await CountAccountsAsync(Api, brand.Id));
    }

    [Theory]
    [InlineData("sam@@example.com")]
    [InlineData("sam@example")]
    [InlineData(".sam@example.com")]
    [InlineData("sa..m@example.com")]
    [InlineData("Sam Patel <sam@example.com>")]
    [InlineData("sam@-example.com")]
    [InlineData("sam@127.0.0.1")]
    [InlineData("sám@example.com")]
    public async Task Malformed_emails_are_refused(string email)
    {
        var brand = await NewBrandAsync();
        var body = await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts", SignUpJson(email, Good))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["email_invalid"], body.ErrorCodes());
    }

    [Fact]
    public async Task An_internationalised_domain_is_stored_in_punycode()
    {
        var brand = await NewBrandAsync();
        var body = await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts", SignUpJson("Sam@Bücher.example", Good))).OkAsync(HttpStatusCode.Created);
        Assert.Equal("sam@xn--bcher-kva.example", body.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Bad_bodies_get_a_clear_4xx_and_write_nothing()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.StorefrontKey);

        await (await client.PostJsonAsync("/v1/accounts", "{\"email\": ")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await client.PostJsonAsync("/v1/accounts", "[1]")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        var control = await (await client.PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), Good, "Sam\u0007Patel"))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("display_name_invalid", control.ErrorCodes());
        var controlPassword = await (await client.PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), "violet\u0000tractor 93 umbrella"))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("password_invalid", controlPassword.ErrorCodes());
        var surrogate = await (await client.PostJsonAsync("/v1/accounts", """{"email": "a@example.com", "password": "violet tractor \ud800 umbrella", "display_name": "Sam"}""")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("password_invalid", surrogate.ErrorCodes());

        var invalidUtf8 = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"email\": \"a@example.com\", \"password\": \"violet tractor "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" umbrella\", \"display_name\": \"Sam\"}")]);
        invalidUtf8.Headers.ContentType = new("application/json");
        await (await client.PostAsync("/v1/accounts", invalidUtf8)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");

        var huge = await client.PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), Good, new string('x', 1024 * 1024)));
        await huge.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        var text = new StringContent(SignUpJson(NewEmail(), Good), Encoding.UTF8, "text/plain");
        await (await client.PostAsync("/v1/accounts", text)).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Equal(0, await CountAccountsAsync(Api, brand.Id));
    }

    [Fact]
    public async Task Only_a_storefront_key_with_write_may_sign_up()
    {
        var brand = await NewBrandAsync();
        var consumer = await TestAccount.CreateAsync(Api, brand);
        var before = await CountAccountsAsync(Api, brand.Id);

        await (await Api.ClientWith(null).PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), Good))).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith("re_pk_live_nonsense").PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), Good))).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Api.ClientWith(brand.AdminKey).PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), Good))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await consumer.Client(Api).PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), Good))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var readOnly = await Repurch.Api.Cli.ApiKeyIssuer.CreateAsync(db, brand.Id, Plane.Live, Repurch.Api.Authentication.Roles.Storefront, [Repurch.Api.Authentication.Scopes.Read], "ro storefront");
            await (await Api.ClientWith(readOnly).PostJsonAsync("/v1/accounts", SignUpJson(NewEmail(), Good))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        }
        Assert.Equal(before, await CountAccountsAsync(Api, brand.Id));
    }
}
