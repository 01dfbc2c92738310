using System.Net;
using System.Text.Json;
using Repurch.Api.Tests.Bulk;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Media;
using Repurch.Api.Tests.Money;

namespace Repurch.Api.Tests.Sdks;

/// <summary>
/// The five README tasks every SDK shows (list clearance listings, create a listing with photos, run a
/// bulk import, redeem a credit code, verify a webhook), each run in the SDK's own language against a
/// real API process, and checked the same way whatever the language. An SDK's test class says how to
/// build it once and how to run one snippet; the README must show every snippet file exactly as tested.
/// </summary>
public abstract class SdkSnippetTests(ApiProcessFixture server) : ApiTest
{
    protected static readonly string Root = FindRoot();

    /// <summary>The SDK's folder, e.g. sdks/typescript.</summary>
    protected abstract string Sdk { get; }

    /// <summary>The snippet files (five, one per task) that the README must show as they are.</summary>
    protected abstract string[] SnippetFiles();

    /// <summary>Installs and compiles what the snippets need; called before each snippet, must be cheap after the first.</summary>
    protected abstract Task BuildAsync();

    /// <summary>The program and arguments that run one snippet (by its task name, e.g. bulk-import) from <see cref="Sdk"/>.</summary>
    protected abstract (string File, string[] Args) SnippetCommand(string name, params string[] args);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Repurch.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repo root not found");
    }

    private async Task<string> SnippetAsync(string name, string key, params string[] args)
    {
        await BuildAsync();
        var env = new Dictionary<string, string> { ["REPURCH_API_KEY"] = key, ["REPURCH_BASE_URL"] = server.Api.Address.ToString() };
        var (file, argv) = SnippetCommand(name, args);
        var run = await SdkProcess.RunAsync(Sdk, file, argv, env, timeoutSeconds: 120);
        Assert.True(run.Exit == 0, $"{name} exited {run.Exit}: {run.Stdout}\n{run.Stderr}");
        return run.Stdout;
    }

    [Fact]
    public async Task The_readme_shows_every_snippet_exactly_as_tested()
    {
        var readme = (await File.ReadAllTextAsync(Path.Combine(Sdk, "README.md"))).ReplaceLineEndings("\n");
        var snippets = SnippetFiles();
        Assert.Equal(5, snippets.Length);
        foreach (var file in snippets)
            Assert.True(readme.Contains((await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n").TrimEnd(), StringComparison.Ordinal), $"README.md lacks {Path.GetFileName(file)} as it is");
    }

    [Fact]
    public async Task Snippet_list_clearance_listings_walks_every_page()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add(await Infrastructure.Listings.CreateAsync(client));
        await brand.AddTradeInAsync(Api.Planes);

        var lines = (await SnippetAsync("list-clearance-listings", brand.AdminKey)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Ids compared as numbers: as text, 10 sorts before 9.
        Assert.Equal(ids.Order(), lines.Select(l => long.Parse(l.Split('\t')[0], System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.All(lines, l => Assert.EndsWith("\tGrey velvet corner sofa\t£899", l));
    }

    [Fact]
    public async Task Snippet_create_listing_with_photos_uploads_them_and_attaches_them()
    {
        var brand = await NewBrandAsync();
        var dir = Directory.CreateTempSubdirectory("repurch-sdk-photos-");
        try
        {
            var front = Path.Combine(dir.FullName, "sofa-front.jpg");
            var side = Path.Combine(dir.FullName, "sofa-side.png");
            await File.WriteAllBytesAsync(front, TestImages.Jpeg(40, 30));
            await File.WriteAllBytesAsync(side, TestImages.Png(30, 40));
            var line = (await SnippetAsync("create-listing-with-photos", brand.AdminKey, front, side)).Trim();
            Assert.Matches("^[0-9]+\tGrey velvet corner sofa\t2 photos$", line);
            var listing = await (await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/listings/{line.Split('\t')[0]}")).JsonAsync();
            Assert.Equal(2, listing.GetProperty("images").GetArrayLength());
            Assert.Equal("clearance", listing.GetProperty("channel").GetString());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Snippet_bulk_import_reports_progress_and_downloads_the_report()
    {
        var brand = await NewBrandAsync();
        var dir = Directory.CreateTempSubdirectory("repurch-sdk-bulk-");
        try
        {
            var csv = Path.Combine(dir.FullName, "stock.csv");
            var report = Path.Combine(dir.FullName, "report.csv");
            await File.WriteAllTextAsync(csv, BulkFiles.Csv(BulkFiles.ValidRow(1), "Broken row,,Corner Sofas,fair,,,,,", BulkFiles.ValidRow(2)));
            var output = await SnippetAsync("bulk-import", brand.AdminKey, csv, report);
            Assert.Contains("completed 3/3 rows", output);
            Assert.Contains("created 2, updated 0, errors 1", output);
            var lines = (await File.ReadAllTextAsync(report)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.EndsWith("import_result,import_errors,listing_id", lines[0]);
            Assert.Contains(",created,", lines[1]);
            Assert.Contains(",error,price_gbp_required,", lines[2]);
            Assert.Equal(2, await brand.CountListingsAsync(Api.Planes));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Snippet_redeem_credit_code_redeems_once_then_shows_the_typed_error_with_its_request_id()
    {
        var brand = await NewBrandAsync();
        var store = await Storefront.CreateAsync(Api);
        await store.BuyAsync(await brand.AddTradeInAsync(Api.Planes));
        var credits = await (await store.Client.GetAsync($"/v1/marketplace/sellers/{brand.SellerId}/credits")).JsonAsync();
        var code = Assert.Single(credits.GetProperty("data").EnumerateArray()).GetProperty("code").GetString()!;

        Assert.Matches(@"^redeemed £291\.2 \(\S+\) on WEB-1001$", (await SnippetAsync("redeem-credit-code", brand.AdminKey, code, "WEB-1001")).Trim());
        Assert.Matches(@"^refused: code_already_redeemed \(409, request (?!(?:null|None|undefined|nil)\))[^\s)]+\)$", (await SnippetAsync("redeem-credit-code", brand.AdminKey, code, "WEB-1002")).Trim());
        var other = await NewBrandAsync();
        Assert.Matches(@"^refused: code_other_brand \(422, request (?!(?:null|None|undefined|nil)\))[^\s)]+\)$", (await SnippetAsync("redeem-credit-code", other.AdminKey, code, "WEB-1003")).Trim());
    }

    [Fact]
    public async Task Snippet_verify_webhook_accepts_a_real_delivery_and_rejects_a_forged_one()
    {
        await BuildAsync();
        var brand = await NewBrandAsync();
        var port = ApiProcess.FreePort();
        // Created through the in-process host, whose dispatcher (allowed to call loopback) delivers.
        var endpoint = await (await Api.ClientWith(brand.AdminKey).PostJsonAsync("/v1/webhooks/endpoints",
            JsonSerializer.Serialize(new { url = $"http://127.0.0.1:{port}/hooks", event_types = new[] { "listing.created" } }))).JsonAsync();
        var secret = endpoint.GetProperty("secret").GetString()!;
        var (file, argv) = SnippetCommand("verify-webhook");
        await using var receiver = SdkProcess.Start(Sdk, file, argv,
            new Dictionary<string, string> { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["REPURCH_WEBHOOK_SECRET"] = secret });
        await receiver.WaitForLineAsync($"listening on {port}");

        var listingId = await Infrastructure.Listings.CreateAsync(server.Api.Client(brand.AdminKey));
        var verified = await receiver.WaitForLineAsync("verified listing.created");
        Assert.StartsWith("verified listing.created evt_", verified);

        using var forger = new HttpClient();
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/hooks") { Content = HttpExtensions.JsonContent(JsonSerializer.Serialize(new { id = "evt_x", type = "listing.created", data = new { @object = new { id = listingId } } })) };
        forged.Headers.Add("webhook-id", "evt_x");
        forged.Headers.Add("webhook-timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        forged.Headers.Add("webhook-signature", "v1," + Convert.ToBase64String(new byte[32]));
        Assert.Equal(HttpStatusCode.BadRequest, (await forger.SendAsync(forged)).StatusCode);
        Assert.Contains("rejected: no webhook-signature matches the secret", await receiver.WaitForLineAsync("rejected"));
    }
}
