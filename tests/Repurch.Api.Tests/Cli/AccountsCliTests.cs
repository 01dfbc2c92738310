using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Cli;

/// <summary>Demo sellers as accounts (<c>./run seed</c>) and <c>./run accounts set-password</c>, run as their own processes.</summary>
[Collection(DemoSeedTests.Name)]
public sealed partial class AccountsCliTests : ApiTest
{
    [GeneratedRegex("^demo seller account for furniture-co \\(live\\), \"(?<name>[^\"]+)\", shown once: (?<email>\\S+) (?<password>\\S+)$", RegexOptions.Multiline)]
    private static partial Regex LiveAccountLine();

    private static string LastLine(string output) => output.TrimEnd('\n', '\r').Split('\n').Last().Trim();

    private static string SignIn(string email, string password) => JsonSerializer.Serialize(new { email, password });

    private static Task<CliProcess.Result> SetPasswordAsync(string brand, string email, string stdin, params string[] extra) =>
        CliProcess.RunAsync(["accounts", "set-password", "--brand", brand, "--email", email, .. extra], stdin: stdin);

    [Fact]
    public async Task Seed_makes_every_demo_seller_an_account_whose_printed_password_signs_in()
    {
        Assert.True((await CliProcess.RunAsync(["seed"])).Exit == 0);
        // Whatever ran before, unlink furniture-co's sellers (as a database seeded before accounts existed would be).
        await using (var admin = new NpgsqlConnection(ApiFactory.Configuration["REPURCH_ADMIN_DATABASE_URL"]))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand("UPDATE sellers SET account_id = NULL WHERE brand_id = 'furniture-co'", admin);
            Assert.Equal(8, await cmd.ExecuteNonQueryAsync());
        }

        var seeded = await CliProcess.RunAsync(["seed"]);
        Assert.True(seeded.Exit == 0, seeded.Stderr);
        var accounts = LiveAccountLine().Matches(seeded.Stdout).ToList();
        Assert.Equal(8, accounts.Count);
        var again = await CliProcess.RunAsync(["seed"]);
        Assert.DoesNotContain("shown once", again.Stdout);

        var storefront = Api.ClientWith(LastLine((await CliProcess.RunAsync(["keys", "create", "--brand", "furniture-co", "--role", "storefront", "--scopes", "read,write"])).Stdout));
        var tradeIns = 0;
        foreach (var line in accounts)
        {
            var password = line.Groups["password"].Value;
            var session = await storefront.PostJsonAsync("/v1/accounts/sessions", SignIn(line.Groups["email"].Value, password));
            var body = await session.JsonAsync();
            Assert.True(session.StatusCode == HttpStatusCode.OK, body.ToString());
            Assert.Equal(line.Groups["name"].Value, body.GetProperty("account").GetProperty("display_name").GetString());
            var mine = await (await Api.ClientWith(body.GetProperty("access_token").GetString()).GetAsync("/v1/me/listings")).JsonAsync();
            tradeIns += mine.GetProperty("meta").GetProperty("total").GetInt32();
            await using var db = Api.Planes.Open(Plane.Live, "furniture-co");
            var stored = await db.Accounts.SingleAsync(a => a.Id == body.GetProperty("account").GetProperty("id").GetString());
            Assert.DoesNotContain(password, stored.PasswordHash);
        }
        // The demo trade-ins are now the signed-in sellers' own.
        await using (var db = Api.Planes.Open(Plane.Live, "furniture-co"))
        {
            Assert.Equal(0, await db.Sellers.CountAsync(s => s.AccountId == null));
            Assert.Equal(await db.Listings.CountAsync(l => l.OwnerType == "seller" && l.DeletedAt == null), tradeIns);
        }
        Assert.True(tradeIns > 0);
    }

    [Fact]
    public async Task Set_password_reads_stdin_checks_the_rules_and_signs_every_session_out()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var twin = await TestAccount.CreateAsync(Api, other);
        var next = TestAccount.NewPassword();

        var result = await SetPasswordAsync(brand.Id, "  " + account.Email.ToUpperInvariant(), next + "\n");

        Assert.True(result.Exit == 0, result.Stderr);
        Assert.Equal(account.Id, LastLine(result.Stdout));
        Assert.DoesNotContain(next, result.Stdout + result.Stderr);
        await (await account.Client(Api).GetAsync("/v1/me")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        var storefront = Api.ClientWith(brand.StorefrontKey);
        await (await storefront.PostJsonAsync("/v1/accounts/sessions", SignIn(account.Email, account.Password))).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await TestAccount.SignInAsync(Api, brand, account.Email, next);
        // Another brand's account is another person, untouched.
        Assert.Equal(HttpStatusCode.OK, (await twin.Client(Api).GetAsync("/v1/me")).StatusCode);
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var audit = await db.AuditLog.SingleAsync(a => a.Action == "account.password_set");
            Assert.Equal(account.Id, audit.TargetId);
            Assert.DoesNotContain(next, audit.Changes);
        }

        // Refused passwords and unknown accounts change nothing and exit 1.
        var weak = await SetPasswordAsync(brand.Id, account.Email, "password1234\n");
        Assert.Equal(1, weak.Exit);
        Assert.Contains("password_too_common", weak.Stderr);
        var named = await SetPasswordAsync(brand.Id, account.Email, $"my {account.Email.Split('@')[0]} password\n");
        Assert.Contains("password_contains_email", named.Stderr);
        var unknown = await SetPasswordAsync(brand.Id, "nobody@example.com", TestAccount.NewPassword() + "\n");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("no account", unknown.Stderr);
        var sandbox = await SetPasswordAsync(brand.Id, account.Email, TestAccount.NewPassword() + "\n", "--sandbox");
        Assert.Equal(1, sandbox.Exit);
        await TestAccount.SignInAsync(Api, brand, account.Email, next);
        await TestAccount.SignInAsync(Api, other, twin.Email, twin.Password);
    }

    [Theory]
    [InlineData("'--email'", "accounts", "set-password", "--brand", "furniture-co")]
    [InlineData("'--brand'", "accounts", "set-password", "--email", "a@example.com")]
    [InlineData("not an email", "accounts", "set-password", "--brand", "furniture-co", "--email", "not an email")]
    [InlineData("no-such-brand", "accounts", "set-password", "--brand", "no-such-brand", "--email", "a@example.com")]
    public async Task Mistakes_exit_2_with_the_usage(string mentions, params string[] args)
    {
        var result = await CliProcess.RunAsync(args, stdin: "a long enough passphrase here\n");

        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Contains(mentions, result.Stderr);
        Assert.StartsWith("usage: ./run accounts set-password", result.Stderr.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public async Task An_empty_stdin_is_a_usage_error()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);

        var result = await SetPasswordAsync(brand.Id, account.Email, "");

        Assert.Equal(2, result.Exit);
        Assert.Contains("no password on stdin", result.Stderr);
        await TestAccount.SignInAsync(Api, brand, account.Email, account.Password);
    }
}
