using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.OpenApi;

public sealed class OpenApiDocumentTests : ApiTest
{
    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Repurch.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repo root not found"), relative);
    }

    private static string Canonical(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    [Fact]
    public async Task Served_document_matches_the_committed_openapi_file()
    {
        var served = Canonical(await Api.ClientWith(null).GetStringAsync("/openapi/v1.json"));
        var path = RepoFile("openapi/v1.json");
        if (Environment.GetEnvironmentVariable("REPURCH_UPDATE_OPENAPI") == "1" && (!File.Exists(path) || await File.ReadAllTextAsync(path) != served))
        {
            await File.WriteAllTextAsync(path, served);
            // The SDKs are generated from it: regenerate them too, so their drift test stays green.
            var sdks = await Sdks.SdkProcess.RunAsync(RepoFile("."), "bash", ["scripts/sdks.sh"]);
            Assert.True(sdks.Exit == 0, $"scripts/sdks.sh: {sdks.Stdout}\n{sdks.Stderr}");
        }

        Assert.True(File.Exists(path), "openapi/v1.json is missing: run REPURCH_UPDATE_OPENAPI=1 ./test --filter OpenApi");
        var committed = await File.ReadAllTextAsync(path);
        Assert.True(committed == served, "openapi/v1.json differs from the served document: run REPURCH_UPDATE_OPENAPI=1 ./test --filter OpenApi and commit it");
    }

    [Fact]
    public async Task Document_describes_every_listing_endpoint_with_its_error_codes_and_bearer_auth()
    {
        var doc = JsonNode.Parse(await Api.ClientWith(null).GetStringAsync("/openapi/v1.json"))!;
        var paths = doc["paths"]!;
        Assert.NotNull(paths["/v1/listings"]!["get"]);
        Assert.NotNull(paths["/v1/listings"]!["post"]);
        Assert.NotNull(paths["/v1/listings/{id}"]!["get"]);
        Assert.NotNull(paths["/v1/listings/{id}"]!["patch"]);
        Assert.NotNull(paths["/v1/listings/{id}"]!["delete"]);
        Assert.NotNull(paths["/v1/listings/options"]!["get"]);
        Assert.NotNull(paths["/v1/auth/token"]!["post"]);
        Assert.NotNull(paths["/v1/auth/refresh"]!["post"]);
        Assert.Contains("listing_not_found", paths["/v1/listings/{id}"]!["patch"]!["responses"]!["404"]!["description"]!.GetValue<string>());
        Assert.Contains("no_fields", paths["/v1/listings/{id}"]!["patch"]!["responses"]!["400"]!["description"]!.GetValue<string>());
        Assert.Contains("missing_bearer_token", paths["/v1/listings"]!["get"]!["responses"]!["401"]!["description"]!.GetValue<string>());
        Assert.Equal("bearer", doc["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        var perPage = paths["/v1/listings"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "per_page")!;
        Assert.Equal(100, perPage["schema"]!["maximum"]!.GetValue<int>());
        Assert.Contains("payout", doc["components"]!["schemas"]!["ListingDetail"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Every_operation_documents_the_rate_limit_429_and_headers()
    {
        var doc = JsonNode.Parse(await Api.ClientWith(null).GetStringAsync("/openapi/v1.json"))!;
        Assert.Contains("RateLimit-Policy", doc["info"]!["description"]!.GetValue<string>());
        Assert.NotNull(doc["components"]!["headers"]!["RateLimit"]);
        // The health checks are not limited (RateLimitMiddleware.IsExempt), and say so by omission.
        var paths = doc["paths"]!.AsObject().ToList();
        foreach (var exempt in new[] { "/healthz", "/readyz" })
        {
            var get = paths.Single(p => p.Key == exempt).Value!["get"]!;
            Assert.Null(get["responses"]!["429"]);
        }
        var operations = paths.Where(p => p.Key is not ("/healthz" or "/readyz"))
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key != "parameters")).ToList();
        Assert.NotEmpty(operations);
        foreach (var (method, operation) in operations)
        {
            var responses = operation!["responses"]!.AsObject();
            Assert.Contains("rate_limited", responses["429"]!["description"]!.GetValue<string>());
            Assert.NotNull(responses["429"]!["headers"]!["Retry-After"]);
            foreach (var (status, response) in responses)
            {
                Assert.True(response!["headers"]?["RateLimit"] is not null && response["headers"]?["RateLimit-Policy"] is not null, $"{method} {status}");
            }
        }
    }

    [Fact]
    public async Task Every_authenticated_mutation_documents_the_idempotency_key_and_its_errors()
    {
        var doc = JsonNode.Parse(await Api.ClientWith(null).GetStringAsync("/openapi/v1.json"))!;
        var mutations = 0;
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is not ("post" or "patch" or "delete")) continue;
                var header = operation!["parameters"]?.AsArray().SingleOrDefault(p => p!["name"]!.GetValue<string>() == "Idempotency-Key");
                if (path == "/v1/auth/refresh")
                {
                    Assert.Null(header); // anonymous: no brand to keep a key under
                    continue;
                }
                mutations++;
                Assert.True(header is not null, $"{method} {path} lacks Idempotency-Key");
                Assert.Equal("header", header!["in"]!.GetValue<string>());
                Assert.False(header["required"]?.GetValue<bool>() ?? false);
                Assert.Contains("idempotency_key_in_use", operation["responses"]!["409"]!["description"]!.GetValue<string>());
                Assert.Contains("idempotency_key_mismatch", operation["responses"]!["422"]!["description"]!.GetValue<string>());
                Assert.Contains("idempotency_key_invalid", operation["responses"]!["400"]!["description"]!.GetValue<string>());
            }
        }
        Assert.True(mutations >= 14, $"only {mutations} mutations found");
        var warehouseConflict = doc["paths"]!["/v1/partner/settings/warehouses"]!["post"]!["responses"]!["409"]!["description"]!.GetValue<string>();
        Assert.Contains("`conflict`", warehouseConflict);
        Assert.Contains("idempotency_key_in_use", warehouseConflict);
    }

    [Fact]
    public async Task Interactive_reference_is_served_at_docs()
    {
        var response = await Api.ClientWith(null).GetAsync("/docs/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reference_page_tries_calls_on_the_host_that_served_it_first_and_offers_no_vendor_features()
    {
        // As if served by a local ./run on another port: the page must not send "try it" calls to production.
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:8123/docs/");
        var response = await Api.ClientWith(null).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var config = ScalarConfiguration(html);

        var servers = config["servers"]!.AsArray().Select(s => s!["url"]!.GetValue<string>()).ToList();
        Assert.Equal(["http://127.0.0.1:8123", "https://api.repurch.com"], servers);
        Assert.True(config["hideClientButton"]!.GetValue<bool>());
        Assert.True(config["agent"]!["disabled"]!.GetValue<bool>());
        Assert.True(config["mcp"]!["disabled"]!.GetValue<bool>());
        Assert.Equal("never", config["showDeveloperTools"]!.GetValue<string>());
        Assert.False(config["telemetry"]!.GetValue<bool>());

        // The document itself stays host-independent: only the public server.
        var doc = JsonNode.Parse(await Api.ClientWith(null).GetStringAsync("http://127.0.0.1:8123/openapi/v1.json"))!;
        Assert.Equal(["https://api.repurch.com"], doc["servers"]!.AsArray().Select(s => s!["url"]!.GetValue<string>()));
    }

    /// <summary>The configuration object the page hands to Scalar's script.</summary>
    private static JsonNode ScalarConfiguration(string html)
    {
        // initialize('<path>', <bool>, {configuration}, '<script>'): the first object after "initialize(".
        var start = html.IndexOf('{', html.IndexOf("initialize(", StringComparison.Ordinal));
        var json = System.Text.Encoding.UTF8.GetBytes(html[start..]);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true });
        reader.Read();
        reader.Skip();
        return JsonNode.Parse(json.AsSpan(0, (int)reader.BytesConsumed))!;
    }
}
