using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Sdks;

namespace Repurch.Api.Tests.Web;

/// <summary>
/// The storefronts in a real browser: Playwright (web/tests/*.spec.ts) drives Debian's Chromium
/// against <c>next start</c> and a real API process, and this class asserts they passed. Plus what
/// plain HTTP shows: which host is which surface, and that no API key ever reaches a page.
/// </summary>
public sealed class StorefrontBrowserTests(StorefrontFixture web) : IClassFixture<StorefrontFixture>
{
    [Fact]
    public async Task The_playwright_specs_pass_in_debian_chromium()
    {
        Directory.CreateDirectory(Path.Combine(StorefrontFixture.WebFolder, "test-results", "screenshots"));
        var env = new Dictionary<string, string> { ["REPURCH_WEB_FIXTURE"] = web.FixtureFile, ["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1" };
        // REPURCH_PLAYWRIGHT_GREP runs only the specs whose titles match (while working on one page).
        string[] grep = Environment.GetEnvironmentVariable("REPURCH_PLAYWRIGHT_GREP") is { Length: > 0 } g ? ["--grep", g] : [];
        var list = await SdkProcess.RunAsync(StorefrontFixture.WebFolder, "node", ["node_modules/@playwright/test/cli.js", "test", "--list", .. grep], env, timeoutSeconds: 120);
        var listed = System.Text.RegularExpressions.Regex.Match(list.Stdout, @"Total: (\d+) tests? in");
        Assert.True(listed.Success && (grep.Length > 0 || int.Parse(listed.Groups[1].Value) >= 11), $"playwright --list:\n{list.Stdout}\n{list.Stderr}");
        var run = await SdkProcess.RunAsync(StorefrontFixture.WebFolder, "node", ["node_modules/@playwright/test/cli.js", "test", .. grep], env, timeoutSeconds: 600);
        Assert.True(run.Exit == 0, $"playwright exited {run.Exit}:\n{run.Stdout}\n{run.Stderr}\nnext start:\n{web.WebOutput}");
        // Every listed spec ran and passed first time (none skipped, none only flaky).
        Assert.Matches($@"\b{listed.Groups[1].Value} passed\b", run.Stdout);
        Assert.DoesNotContain("flaky", run.Stdout);
        Assert.True(File.Exists(Path.Combine(StorefrontFixture.WebFolder, "test-results", "screenshots", "listing-390.png")));
    }

    [Fact]
    public async Task Each_host_name_shows_its_own_surface()
    {
        var (status, home) = await web.GetAsync($"clearance.{web.A.Id}.localhost", "/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(web.A.ListingTitle, home);
        Assert.DoesNotContain(web.B.ListingTitle, home);

        var (_, dashboard) = await web.GetAsync("dashboard.localhost", "/");
        Assert.Contains("issue 15", dashboard);

        // An unknown host is the marketplace; a brand without a key here has no storefront.
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("unknown.example", "/")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync("clearance.no-such-brand.localhost", "/")).Status);

        var (_, robots) = await web.GetAsync($"clearance.{web.A.Id}.localhost", "/robots.txt");
        Assert.Contains($"Sitemap: http://clearance.{web.A.Id}.localhost:{web.Port}/sitemap.xml", robots);
        var (_, sitemap) = await web.GetAsync($"clearance.{web.A.Id}.localhost", "/sitemap.xml");
        Assert.Contains($"<loc>http://clearance.{web.A.Id}.localhost:{web.Port}{web.A.ListingPath}</loc>", sitemap);
        Assert.DoesNotContain(web.B.ListingPath, sitemap);
    }

    [Fact]
    public async Task A_settings_change_shows_on_the_storefront_within_seconds_and_only_there()
    {
        var tagline = $"Now with free delivery {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync($"clearance.{web.A.Id}.localhost", "/")).Status); // the profile is cached now
        var saved = await ApiFactory.Shared.ClientWith(web.BrandA.AdminKey).PatchJsonAsync("/v1/partner/settings/brand", JsonSerializer.Serialize(new { tagline }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // The web server caches a profile for at most 5 s.
        var clock = Stopwatch.StartNew();
        while (!(await web.GetAsync($"clearance.{web.A.Id}.localhost", "/")).Body.Contains(tagline, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the new tagline did not show within 10 s");
            await Task.Delay(250);
        }
        Assert.DoesNotContain(tagline, (await web.GetAsync($"clearance.{web.B.Id}.localhost", "/")).Body);
    }

    [Fact]
    public async Task A_verified_custom_domain_shows_the_brands_storefront_and_an_unverified_one_the_marketplace()
    {
        var admin = ApiFactory.Shared.ClientWith(web.BrandA.AdminKey);
        var verified = $"shop.h{Guid.NewGuid().ToString("N")[..12]}.test";
        var pending = $"shop.h{Guid.NewGuid().ToString("N")[..12]}.test";
        foreach (var host in new[] { verified, pending })
        {
            var created = await admin.PostJsonAsync("/v1/partner/settings/domains", JsonSerializer.Serialize(new { host, storefront = "clearance" }));
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            if (host != verified) continue;
            TestTxtRecords.Publish("_repurch-challenge." + host, (await created.JsonAsync()).GetProperty("verification").GetProperty("value").GetString()!);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/v1/partner/settings/domains/{host}/verify", null)).StatusCode);
        }

        var (_, shop) = await web.GetAsync(verified, "/");
        Assert.Contains($"{web.A.DisplayName} Clearance", shop);
        Assert.Contains(web.A.ListingTitle, shop);
        Assert.DoesNotContain(web.B.ListingTitle, shop);
        var (_, listing) = await web.GetAsync(verified, web.A.ListingPath);
        Assert.Contains($"<link rel=\"canonical\" href=\"http://{verified}:{web.Port}{web.A.ListingPath}\"/>", listing);

        Assert.DoesNotContain($"{web.A.DisplayName} Clearance", (await web.GetAsync(pending, "/")).Body);
    }

    [Fact]
    public async Task No_api_key_reaches_a_page()
    {
        foreach (var (host, path) in new[] { ($"clearance.{web.A.Id}.localhost", "/"), ($"clearance.{web.A.Id}.localhost", web.A.ListingPath), ("sofalistic.localhost", "/search?q=sofa") })
        {
            var (_, body) = await web.GetAsync(host, path);
            Assert.DoesNotContain("re_pk_", body);
            foreach (var key in web.Keys) Assert.DoesNotContain(key, body);
        }
    }
}
