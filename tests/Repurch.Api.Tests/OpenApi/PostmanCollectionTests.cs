using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Sdks;

namespace Repurch.Api.Tests.OpenApi;

/// <summary>
/// openapi/postman.json: a fresh generation from openapi/v1.json equals the committed file, the API
/// serves exactly that file, it holds every operation of the document, and newman (Postman's runner)
/// sends its requests to a real API process with the sandbox environment, the pre-request script adding
/// an Idempotency-Key to mutations only and keeping one the caller set.
/// </summary>
public sealed class PostmanCollectionTests(ApiProcessFixture server) : ApiTest, IClassFixture<ApiProcessFixture>
{
    private static readonly string Root = FindRoot();
    private static readonly string[] Files = ["postman.json", "postman.sandbox.environment.json", "postman.live.environment.json"];

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Repurch.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repo root not found");
    }

    private static async Task InstallAsync()
    {
        var install = await SdkProcess.RunAsync(Root, "bash", ["scripts/sdks.sh", "--install"]);
        Assert.True(install.Exit == 0, $"scripts/sdks.sh --install: {install.Stdout}\n{install.Stderr}");
    }

    private static JsonObject Committed(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "openapi", file)))!.AsObject();

    private static IEnumerable<JsonObject> Requests(JsonArray items) =>
        items.Select(i => i!.AsObject()).SelectMany(i => i["item"] is JsonArray inner ? Requests(inner) : [i]);

    [Fact]
    public async Task The_committed_collection_and_environments_match_a_fresh_generation()
    {
        await InstallAsync();
        var scratch = Directory.CreateTempSubdirectory("repurch-postman-");
        try
        {
            var run = await SdkProcess.RunAsync(Root, "node", ["sdks/postman/generate.mjs", "openapi/v1.json", scratch.FullName]);
            Assert.True(run.Exit == 0, $"{run.Stdout}\n{run.Stderr}");
            foreach (var file in Files)
                Assert.True(await File.ReadAllTextAsync(Path.Combine(Root, "openapi", file)) == await File.ReadAllTextAsync(Path.Combine(scratch.FullName, file)),
                    $"openapi/{file} differs from a fresh generation: run ./run sdks and commit it");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_api_serves_the_committed_files_without_a_credential_and_revalidates_by_etag()
    {
        using var anonymous = new HttpClient { BaseAddress = server.Api.Address };
        foreach (var (path, file) in new[] { ("/postman/collection.json", Files[0]), ("/postman/environments/sandbox.json", Files[1]), ("/postman/environments/live.json", Files[2]) })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Root, "openapi", file)), await response.Content.ReadAsByteArrayAsync());
            var tag = Assert.IsType<EntityTagHeaderValue>(response.Headers.ETag);
            using var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(tag);
            Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/postman/environments/staging.json")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await anonymous.PostAsync("/postman/collection.json", new StringContent("{}"))).StatusCode);
    }

    [Fact]
    public void It_holds_every_operation_of_the_openapi_document_with_the_key_auth_and_the_idempotency_script()
    {
        var collection = Committed("postman.json");
        Assert.Equal("https://schema.getpostman.com/json/collection/v2.1.0/collection.json", collection["info"]!["schema"]!.GetValue<string>());
        var inCollection = Requests(collection["item"]!.AsArray())
            .Select(r => r["request"]!)
            .Select(r => $"{r["method"]!.GetValue<string>()} /{string.Join('/', r["url"]!["path"]!.AsArray().Select(p => p!.GetValue<string>()))}")
            .ToList();
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "openapi", "v1.json")))!;
        var inDocument = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete")
                .Select(o => $"{o.Key.ToUpperInvariant()} {System.Text.RegularExpressions.Regex.Replace(p.Key, @"\{([^}]+)\}", ":$1")}"))
            .ToList();
        Assert.Equal(inDocument.Order(), inCollection.Order());
        Assert.Equal("{{apiKey}}", collection["auth"]!["bearer"]![0]!["value"]!.GetValue<string>());
        var script = string.Join('\n', collection["event"]![0]!["script"]!["exec"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Contains("Idempotency-Key", script);
        foreach (var (file, prefix) in new[] { (Files[1], "re_pk_test_"), (Files[2], "re_pk_live_") })
        {
            var values = Committed(file)["values"]!.AsArray();
            Assert.StartsWith(prefix, values.Single(v => v!["key"]!.GetValue<string>() == "apiKey")!["value"]!.GetValue<string>());
            Assert.Equal("secret", values.Single(v => v!["key"]!.GetValue<string>() == "apiKey")!["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Newman_runs_its_requests_against_the_sandbox_with_an_idempotency_key_on_each_mutation_only()
    {
        await InstallAsync();
        var brand = await NewBrandAsync();
        var collection = Committed("postman.json");
        var requests = Requests(collection["item"]!.AsArray()).ToList();
        JsonObject Pick(string method, string path) => requests.Single(r =>
            r["request"]!["method"]!.GetValue<string>() == method &&
            string.Join('/', r["request"]!["url"]!["path"]!.AsArray().Select(p => p!.GetValue<string>())) == path).DeepClone().AsObject();

        var create = Pick("POST", "v1/listings");
        create["request"]!["body"]!["raw"] = Infrastructure.Listings.ValidCreate;
        var fixedKey = "postman-" + Guid.NewGuid().ToString("N");
        JsonObject Keyed()
        {
            var item = create.DeepClone().AsObject();
            var header = item["request"]!["header"]!.AsArray().Single(h => h!["key"]!.GetValue<string>() == "Idempotency-Key")!.AsObject();
            header["value"] = fixedKey;
            header.Remove("disabled");
            return item;
        }
        var list = Pick("GET", "v1/listings");
        collection["item"] = new JsonArray(create, Keyed(), Keyed(), list);

        var dir = Directory.CreateTempSubdirectory("repurch-newman-");
        try
        {
            var environment = Committed(Files[1]);
            foreach (var value in environment["values"]!.AsArray())
                value!["value"] = value["key"]!.GetValue<string>() == "apiKey" ? brand.SandboxAdminKey : server.Api.Address.ToString().TrimEnd('/');
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "collection.json"), collection.ToJsonString());
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "environment.json"), environment.ToJsonString());
            var report = Path.Combine(dir.FullName, "report.json");
            var run = await SdkProcess.RunAsync(Root, "node",
                ["sdks/postman/node_modules/newman/bin/newman.js", "run", Path.Combine(dir.FullName, "collection.json"),
                 "-e", Path.Combine(dir.FullName, "environment.json"), "--reporters", "json", "--reporter-json-export", report], timeoutSeconds: 120);
            Assert.True(run.Exit == 0, $"newman exited {run.Exit}: {run.Stdout}\n{run.Stderr}");

            var executions = JsonDocument.Parse(await File.ReadAllTextAsync(report)).RootElement.GetProperty("run").GetProperty("executions").EnumerateArray().ToList();
            Assert.Equal(4, executions.Count);
            string? Header(JsonElement message, string name) => message.GetProperty("header").EnumerateArray()
                .Where(h => !h.TryGetProperty("disabled", out var d) || !d.GetBoolean())
                .Where(h => string.Equals(h.GetProperty("key").GetString(), name, StringComparison.OrdinalIgnoreCase))
                .Select(h => h.GetProperty("value").GetString()).SingleOrDefault();
            Assert.Equal([201, 201, 201, 200], executions.Select(e => e.GetProperty("response").GetProperty("code").GetInt32()));
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", Header(executions[0].GetProperty("request"), "Idempotency-Key"));
            Assert.Equal(fixedKey, Header(executions[1].GetProperty("request"), "Idempotency-Key"));
            Assert.Equal(fixedKey, Header(executions[2].GetProperty("request"), "Idempotency-Key"));
            Assert.Equal("true", Header(executions[2].GetProperty("response"), "Idempotent-Replayed"));
            Assert.Null(Header(executions[3].GetProperty("request"), "Idempotency-Key"));
            Assert.Equal($"Bearer {brand.SandboxAdminKey}", Header(executions[0].GetProperty("request"), "Authorization"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
        // Two listings on the sandbox (the replay made none), none live.
        Assert.Equal(2, await brand.CountListingsAsync(Api.Planes, Plane.Sandbox));
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
    }
}
