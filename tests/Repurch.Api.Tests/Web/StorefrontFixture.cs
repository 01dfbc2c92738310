using System.Net;
using System.Text.Json;
using Repurch.Api.Authentication;
using Repurch.Api.Cli;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Sdks;

namespace Repurch.Api.Tests.Web;

/// <summary>
/// The web app as ./run serves it, for one test class: a real API process, two test brands with a
/// profile (name, accent colour) and a clearance listing each, a keys file for their storefronts,
/// and <c>next start</c> on a free port reading it. Builds web/ first (scripts/web.sh build: only
/// when its sources changed) and installs Debian's chromium when it is missing.
/// </summary>
public sealed class StorefrontFixture : IAsyncLifetime
{
    public static readonly string Root = FindRoot();
    public static readonly string WebFolder = Path.Combine(Root, "web");

    private static readonly JsonSerializerOptions CamelCase = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private const string MarketplaceName = "Sofalistic Test";
    private const string MarketplaceAccent = "#0F766E";

    private ApiProcess? _api;
    private SdkProcess? _web;
    private DirectoryInfo? _scratch;

    public int Port { get; private set; }
    public string FixtureFile { get; private set; } = "";
    public IReadOnlyList<string> Keys { get; private set; } = [];
    public StorefrontBrand A { get; private set; } = null!;

    /// <summary>Brand A's API keys (its admin key changes its settings).</summary>
    public TestBrand BrandA { get; private set; } = null!;
    public StorefrontBrand B { get; private set; } = null!;

    /// <summary>A word only brand A's listing title has (letters only, so search stems it like a word).</summary>
    public string SearchWord { get; } = "Quill" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).Select(c => (char)('a' + (c - 'a') % 26)).ToArray());

    public async Task InitializeAsync()
    {
        await EnsureChromiumAsync();
        var build = await SdkProcess.RunAsync(Root, "bash", ["scripts/web.sh", "build"], timeoutSeconds: 600);
        Assert.True(build.Exit == 0, $"scripts/web.sh build: {build.Stdout}\n{build.Stderr}");

        await ApiFactory.EnsureMigratedAsync();
        _api = await ApiProcess.StartAsync();
        var api = ApiFactory.Shared;
        var a = await TestBrand.CreateAsync(api.Planes);
        var b = await TestBrand.CreateAsync(api.Planes);
        BrandA = a;
        A = await StorefrontBrand.CreateAsync(api, a, "Harbour Sofas", "#1F4FD9", $"{SearchWord} grey velvet corner sofa", 1299m, 1899m);
        B = await StorefrontBrand.CreateAsync(api, b, "Meadow Living", "#F5C518", "Meadow green linen armchair", 349m, 599m);
        // The marketplace is a brand of its own (Sofalistic in the seed), with its own profile and a marketplace key.
        var m = await TestBrand.CreateAsync(api.Planes);
        var saved = await api.ClientWith(m.AdminKey).PatchJsonAsync("/v1/partner/settings/brand", JsonSerializer.Serialize(new { display_name = MarketplaceName, accent_color = MarketplaceAccent }));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        string marketplaceKey;
        await using (var db = api.Planes.Open(Plane.Live, m.Id))
            marketplaceKey = await ApiKeyIssuer.CreateAsync(db, m.Id, Plane.Live, Roles.Marketplace, [Scopes.Read], "web test marketplace");
        Keys = [marketplaceKey, a.StorefrontKey, b.StorefrontKey];

        _scratch = Directory.CreateTempSubdirectory("repurch-web-");
        var keysFile = Path.Combine(_scratch.FullName, "keys.json");
        await File.WriteAllTextAsync(keysFile, JsonSerializer.Serialize(new
        {
            marketplace = marketplaceKey,
            storefronts = new Dictionary<string, string> { [a.Id] = a.StorefrontKey, [b.Id] = b.StorefrontKey },
            session_secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        }));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keysFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Port = ApiProcess.FreePort();
        FixtureFile = Path.Combine(_scratch.FullName, "fixture.json");
        await File.WriteAllTextAsync(FixtureFile, JsonSerializer.Serialize(new
        {
            port = Port, searchWord = SearchWord, brands = new[] { A, B }, marketplace = new { displayName = MarketplaceName, accent = MarketplaceAccent },
            // For specs that act as the partner too (redeem a code, approve a held trade-in): the test's own scratch file, never a page.
            api = new
            {
                url = _api.Address.ToString().TrimEnd('/'),
                keys = new Dictionary<string, object> { [a.Id] = new { admin = a.AdminKey, storefront = a.StorefrontKey }, [b.Id] = new { admin = b.AdminKey, storefront = b.StorefrontKey } },
            },
        },
            CamelCase));

        var port = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _web = SdkProcess.Start(WebFolder, "node", ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], new Dictionary<string, string>
        {
            ["REPURCH_API_URL"] = _api.Address.ToString(),
            ["REPURCH_WEB_KEYS"] = keysFile,
            ["NEXT_TELEMETRY_DISABLED"] = "1",
            // Renew a consumer's 15-minute access token once it is 20 s old, so the specs exercise the proxy's renewal.
            ["REPURCH_WEB_REFRESH_AHEAD_SECONDS"] = "880",
        });
        await _web.WaitForLineAsync("Ready", timeoutSeconds: 60);
    }

    /// <summary>GET a page of the web app as the given host name asks for it.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string host, string path)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{Port}{path}");
        request.Headers.Host = $"{host}:{Port}";
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public string WebOutput => _web is null ? "" : $"{_web.Output}\n{_web.Stderr}";

    private static async Task EnsureChromiumAsync()
    {
        if (File.Exists("/usr/bin/chromium")) return;
        var install = await SdkProcess.RunAsync(Root, "bash", ["-c", "apt-get update -qq && apt-get install -y -qq chromium"], timeoutSeconds: 600);
        Assert.True(install.Exit == 0, $"apt-get install chromium: {install.Stdout}\n{install.Stderr}");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Repurch.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repo root not found");
    }

    public async Task DisposeAsync()
    {
        if (_web is not null) await _web.DisposeAsync();
        if (_api is not null) await _api.DisposeAsync();
        _scratch?.Delete(recursive: true);
    }
}
