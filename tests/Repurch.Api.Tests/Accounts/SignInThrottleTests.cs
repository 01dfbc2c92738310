using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using static Repurch.Api.Tests.ConsumerAccounts.AccountTestSupport;

namespace Repurch.Api.Tests.ConsumerAccounts;

/// <summary>Failed sign-ins are throttled per email and per client, in PostgreSQL, and audited without the password or the email.</summary>
public sealed class SignInThrottleTests : ApiTest
{
    private const string ClientHeader = "Repurch-Forwarded-For";

    private static Task<HttpResponseMessage> SignInAsync(HttpClient storefront, string email, string password, string? clientIp = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/accounts/sessions") { Content = HttpExtensions.JsonContent(SignInJson(email, password)) };
        if (clientIp is not null) request.Headers.Add(ClientHeader, clientIp);
        return storefront.SendAsync(request);
    }

    private static async Task FailAsync(HttpClient storefront, string email, int times, string? clientIp = null)
    {
        for (var i = 0; i < times; i++)
            await (await SignInAsync(storefront, email, $"wrong guess {i} here", clientIp)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    private static int RetryAfter(HttpResponseMessage response) => (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;

    [Fact]
    public async Task Five_failures_throttle_the_email_even_for_the_right_password_and_are_audited()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var storefront = Api.ClientWith(brand.StorefrontKey);

        await FailAsync(storefront, account.Email, 5);
        var throttled = await SignInAsync(storefront, account.Email, account.Password);

        await throttled.AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.InRange(RetryAfter(throttled), 850, 900);
        // Other accounts of the storefront are not affected.
        var other = await TestAccount.CreateAsync(Api, brand);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(storefront, other.Email, other.Password)).StatusCode);

        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        var failures = await db.AuditLog.Where(a => a.Action == "account.sign_in_failed").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(6, failures.Count);
        Assert.All(failures, f => Assert.Equal(account.Id, f.TargetId));
        Assert.Contains("throttled_account", failures[^1].Changes);
        Assert.All(failures, f => Assert.DoesNotContain(account.Password, f.Changes));
        Assert.All(failures, f => Assert.DoesNotContain(account.Email.Split('@')[0], f.Changes));
        // The throttle's own rows hold hashes, not the email.
        Assert.All(await db.SignInFailures.ToListAsync(), f => Assert.Equal(32, f.Bucket.Length));
    }

    [Fact]
    public async Task An_unknown_email_is_throttled_the_same_way_so_nothing_is_revealed()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var storefront = Api.ClientWith(brand.StorefrontKey);
        var unknown = NewEmail();

        await FailAsync(storefront, account.Email, 5);
        await FailAsync(storefront, unknown, 5);

        var known = await (await SignInAsync(storefront, account.Email, account.Password)).AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        var missing = await SignInAsync(storefront, unknown, account.Password);
        var missingBody = await missing.AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.Equal(known.GetProperty("message").GetString()![..30], missingBody.GetProperty("message").GetString()![..30]);
        Assert.NotNull(missing.Headers.RetryAfter);
        // The email is matched as it is normalised: case and spaces do not make a new bucket.
        await (await SignInAsync(storefront, "  " + account.Email.ToUpperInvariant(), account.Password)).AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Fact]
    public async Task A_successful_sign_in_clears_the_emails_count_and_old_failures_age_out()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var storefront = Api.ClientWith(brand.StorefrontKey);

        await FailAsync(storefront, account.Email, 4);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(storefront, account.Email, account.Password)).StatusCode);
        await FailAsync(storefront, account.Email, 4);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(storefront, account.Email, account.Password)).StatusCode);

        await FailAsync(storefront, account.Email, 5);
        await (await SignInAsync(storefront, account.Email, account.Password)).AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        // Sixteen minutes later (the rows moved back in time, as the superuser: the app may not rewrite them): the window has passed.
        await using (var admin = new Npgsql.NpgsqlConnection(ApiFactory.Configuration["REPURCH_ADMIN_DATABASE_URL"]))
        {
            await admin.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand("UPDATE sign_in_failures SET failed_at = failed_at - interval '16 minutes' WHERE brand_id = $1", admin);
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = brand.Id });
            Assert.True(await cmd.ExecuteNonQueryAsync() >= 10);
        }
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(storefront, account.Email, account.Password)).StatusCode);
    }

    [Fact]
    public async Task Parallel_guesses_cannot_pass_the_limit()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var storefront = Api.ClientWith(brand.StorefrontKey);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => SignInAsync(storefront, account.Email, $"parallel guess {i} wrong")));

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Failures_from_one_client_address_throttle_that_client_across_emails()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var storefront = Api.ClientWith(brand.StorefrontKey);

        // 20 failures spread over emails (none reaches the per-email limit), from one IPv6 /64.
        for (var i = 0; i < 20; i++)
            await FailAsync(storefront, NewEmail(), 1, i % 2 == 0 ? "2001:db8:1:2::1" : "2001:db8:1:2:ffff::9");

        var throttled = await SignInAsync(storefront, account.Email, account.Password, "2001:db8:1:2::abcd");
        await throttled.AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.InRange(RetryAfter(throttled), 1, 900);
        // Another address, and requests that name no address (the key's own, larger bucket), still sign in.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(storefront, account.Email, account.Password, "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(storefront, account.Email, account.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(storefront, account.Email, account.Password, "not an address")).StatusCode);

        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Contains("throttled_client", (await db.AuditLog.Where(a => a.Action == "account.sign_in_failed").OrderBy(a => a.Id).LastAsync()).Changes);
    }

    [Fact]
    public async Task Without_an_address_the_storefront_key_is_the_client_and_another_brand_is_not_affected()
    {
        await using var host = Api.WithWebHostBuilder(b => b.UseSetting("Accounts:SignInKeyFailureLimit", "3"));
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var elsewhere = await TestAccount.CreateAsync(Api, other);
        HttpClient Client(string key)
        {
            var c = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            c.DefaultRequestHeaders.Authorization = HttpExtensions.Bearer(key);
            return c;
        }

        for (var i = 0; i < 3; i++) await FailAsync(Client(brand.StorefrontKey), NewEmail(), 1);

        await (await SignInAsync(Client(brand.StorefrontKey), account.Email, account.Password)).AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Client(brand.StorefrontKey), account.Email, account.Password, "198.51.100.4")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Client(other.StorefrontKey), elsewhere.Email, elsewhere.Password)).StatusCode);
    }

    [Fact]
    public async Task The_same_email_under_another_brand_has_its_own_count()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        using var signUp = await Api.ClientWith(other.StorefrontKey).PostJsonAsync("/v1/accounts", SignUpJson(account.Email, account.Password));
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);

        await FailAsync(Api.ClientWith(brand.StorefrontKey), account.Email, 5);

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Api.ClientWith(other.StorefrontKey), account.Email, account.Password)).StatusCode);
        await using var db = Api.Planes.Open(Plane.Live, other.Id);
        Assert.Equal(0, await db.SignInFailures.CountAsync());
    }
}
