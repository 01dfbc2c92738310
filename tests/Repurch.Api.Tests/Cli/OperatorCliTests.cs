using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Cli;

/// <summary>The operator CLI, run as its own process exactly as ./run runs it.</summary>
[Collection(DemoSeedTests.Name)]
public sealed class OperatorCliTests : ApiTest
{
    private static async Task<(int Exit, string Stdout, string Stderr)> RunCliAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Repurch.Api.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string LastLine(string output) => output.TrimEnd('\n', '\r').Split('\n').Last().Trim();

    [Fact]
    public async Task Keys_create_prints_a_live_key_alone_on_the_last_line_and_it_works()
    {
        var brand = await NewBrandAsync();

        var (exit, stdout, _) = await RunCliAsync("keys", "create", "--brand", brand.Id, "--role", "admin", "--scopes", "read,write", "--name", "ci");

        Assert.Equal(0, exit);
        var key = LastLine(stdout);
        Assert.Matches("^re_pk_live_[A-Za-z0-9]{32}$", key);
        var response = await Api.ClientWith(key).GetAsync("/v1/listings");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(brand.Id, (await response.JsonAsync()).GetProperty("meta").GetProperty("brand_id").GetString());
    }

    [Fact]
    public async Task Keys_create_with_sandbox_prints_a_test_key_for_the_sandbox_plane()
    {
        var brand = await NewBrandAsync();

        var (exit, stdout, _) = await RunCliAsync("keys", "create", "--brand", brand.Id, "--role", "member", "--scopes", "read", "--sandbox");

        Assert.Equal(0, exit);
        var key = LastLine(stdout);
        Assert.Matches("^re_pk_test_[A-Za-z0-9]{32}$", key);
        await using var db = Api.Planes.Open(Plane.Sandbox, brand.Id);
        var stored = await db.ApiKeys.SingleAsync(k => k.Role == "member");
        Assert.Equal(["read"], stored.Scopes);
        Assert.DoesNotContain(key, Convert.ToHexString(stored.SecretHash));
    }

    [Theory]
    [InlineData("keys", "create", "--brand", "no-such-brand", "--role", "admin", "--scopes", "read")]
    [InlineData("keys", "create", "--brand", "furniture-co", "--role", "owner", "--scopes", "read")]
    [InlineData("keys", "create", "--brand", "furniture-co", "--role", "admin", "--scopes", "delete")]
    [InlineData("keys", "create", "--role", "admin")]
    public async Task Keys_create_rejects_bad_arguments_with_a_one_line_error(params string[] args)
    {
        var (exit, stdout, stderr) = await RunCliAsync(args);

        Assert.Equal(2, exit);
        Assert.DoesNotContain("re_pk_", stdout);
        Assert.StartsWith("error: ", stderr.Trim());
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task Migrate_is_idempotent()
    {
        var (exit, _, stderr) = await RunCliAsync("migrate");
        Assert.True(exit == 0, stderr);
        Assert.Contains("migrated live plane", stderr);
        Assert.Contains("migrated sandbox plane", stderr);
    }

    [Fact]
    public async Task Seed_creates_the_demo_brands_once_with_realistic_listings()
    {
        var first = await RunCliAsync("seed");
        Assert.True(first.Exit == 0, first.Stderr);
        var second = await RunCliAsync("seed");
        Assert.True(second.Exit == 0, second.Stderr);
        Assert.DoesNotContain("re_pk_", second.Stdout);

        foreach (var brandId in new[] { "furniture-co", "brand-b", "sofalistic" })
        {
            await using var db = Api.Planes.Open(Plane.Live, brandId);
            var listings = await db.Listings.ToListAsync();
            Assert.InRange(listings.Count, 90, 130);
            Assert.Equal(8, listings.Select(l => l.Category).Distinct().Count());
            Assert.Equal(2, listings.Select(l => l.Channel).Distinct().Count());
            Assert.Equal(4, listings.Select(l => l.Condition).Distinct().Count());
            Assert.Equal(["active", "closed", "draft"], listings.Select(l => l.Status).Distinct().Order());
            Assert.All(listings, l => Assert.NotEmpty(l.Images));
            await using var sandbox = Api.Planes.Open(Plane.Sandbox, brandId);
            Assert.True(await sandbox.Listings.AnyAsync());
        }

        await using var fco = Api.Planes.Open(Plane.Live, "furniture-co");
        var tradeIn = await fco.Listings.FirstAsync(l => l.OwnerType == "seller");
        var (_, keyOut, _) = await RunCliAsync("keys", "create", "--brand", "furniture-co", "--role", "admin", "--scopes", "read,write");
        var client = Api.ClientWith(LastLine(keyOut));
        var detail = await (await client.GetAsync($"/v1/listings/{tradeIn.Id}")).JsonAsync();
        Assert.Equal("seller", detail.GetProperty("owner").GetString());
        Assert.False(string.IsNullOrEmpty(detail.GetProperty("seller").GetProperty("display_name").GetString()));
        await (await client.DeleteAsync($"/v1/listings/{tradeIn.Id}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden_not_owner");
    }

    [Fact]
    public async Task Seed_gives_each_demo_brand_a_public_profile_with_a_served_logo_and_never_overwrites_a_saved_one()
    {
        var seeded = await RunCliAsync("seed");
        Assert.True(seeded.Exit == 0, seeded.Stderr);

        foreach (var brandId in new[] { "furniture-co", "brand-b", "sofalistic" })
        {
            var profile = await ProfileAsync(brandId);
            foreach (var field in new[] { "display_name", "tagline", "description", "support_email", "support_phone", "logo_url", "accent_color" })
                Assert.False(string.IsNullOrEmpty(profile.GetProperty(field).GetString()), $"{brandId}: {field} is empty");
            Assert.Matches("^#[0-9A-F]{6}$", profile.GetProperty("accent_color").GetString());
            // The storefront loads the logo from the URL as given: with the local store, this API's /media/.
            var logo = await Api.ClientWith(null).GetAsync(new Uri(profile.GetProperty("logo_url").GetString()!).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
            Assert.Equal("image/svg+xml", logo.Content.Headers.ContentType?.MediaType);
            Assert.Contains(profile.GetProperty("accent_color").GetString()!, await logo.Content.ReadAsStringAsync());
            await using var sandbox = Api.Planes.Open(Plane.Sandbox, brandId);
            Assert.Equal(profile.GetProperty("display_name").GetString(), (await sandbox.BrandProfiles.SingleAsync()).DisplayName);
        }

        // A partner's saved profile survives a re-seed; one never saved (a database seeded before
        // profiles were) is filled.
        var (_, keyOut, _) = await RunCliAsync("keys", "create", "--brand", "furniture-co", "--role", "admin", "--scopes", "read,write");
        var patched = await Api.ClientWith(LastLine(keyOut)).PatchJsonAsync("/v1/partner/settings/brand", """{"tagline":"Our own words.","logo_url":null}""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await using (var db = Api.Planes.Open(Plane.Live, "brand-b")) await db.BrandProfiles.ExecuteDeleteAsync();
        var again = await RunCliAsync("seed");
        Assert.True(again.Exit == 0, again.Stderr);

        var kept = await ProfileAsync("furniture-co");
        Assert.Equal("Our own words.", kept.GetProperty("tagline").GetString());
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("logo_url").ValueKind);
        Assert.Equal("Brand B Home", (await ProfileAsync("brand-b")).GetProperty("display_name").GetString());
    }

    private async Task<JsonElement> ProfileAsync(string brandId)
    {
        var (_, keyOut, _) = await RunCliAsync("keys", "create", "--brand", brandId, "--role", "admin", "--scopes", "read");
        var response = await Api.ClientWith(LastLine(keyOut)).GetAsync("/v1/partner/settings/brand");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("profile");
    }
}
