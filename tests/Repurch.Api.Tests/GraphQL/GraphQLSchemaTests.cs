using Microsoft.Extensions.DependencyInjection;
using GraphQL;
using Repurch.Api.Features.GraphQL;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.GraphQL;

public sealed class GraphQLSchemaTests : ApiTest
{
    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Repurch.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repo root not found"), relative);
    }

    [Fact]
    public async Task Served_schema_matches_the_committed_schema_file()
    {
        var printed = Api.Services.GetRequiredService<DashboardSchema>().Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = RepoFile("openapi/schema.graphql");
        if (Environment.GetEnvironmentVariable("REPURCH_UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(path, printed);
        Assert.True(File.Exists(path), "openapi/schema.graphql is missing: run REPURCH_UPDATE_OPENAPI=1 ./test --filter OpenApi");
        Assert.True(await File.ReadAllTextAsync(path) == printed,
            "openapi/schema.graphql differs from the schema: run REPURCH_UPDATE_OPENAPI=1 ./test --filter OpenApi and commit it");
        Assert.DoesNotContain("type Mutation", printed, StringComparison.Ordinal);
    }

    /// <summary>
    /// Each file in Features/GraphQL/PersistedQueries is embedded and runs by its hash without a single
    /// error against a brand with data, so a field renamed in the schema breaks this test, not a partner.
    /// </summary>
    [Fact]
    public async Task Every_persisted_query_is_embedded_and_runs_by_hash_without_errors()
    {
        var persisted = Api.Services.GetRequiredService<PersistedQueries>();
        var files = Directory.GetFiles(RepoFile("src/Repurch.Api/Features/GraphQL/PersistedQueries"), "*.graphql").Select(Path.GetFileName).Order().ToList();
        Assert.NotEmpty(files);
        Assert.Equal(files, persisted.Names.Keys.Order());
        var brand = await NewBrandAsync();
        await Gql.FillAsync(Api, brand);
        var client = Api.ClientWith(brand.AdminKey);
        foreach (var (name, hash) in persisted.Names)
        {
            var text = await File.ReadAllTextAsync(RepoFile("src/Repurch.Api/Features/GraphQL/PersistedQueries/" + name));
            Assert.Equal(PersistedQueries.Hash(text), hash);
            var response = await client.PostJsonAsync("/graphql", System.Text.Json.JsonSerializer.Serialize(new { id = hash }));
            var body = await response.JsonAsync();
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK && !body.TryGetProperty("errors", out _), $"{name}: {body}");
            Assert.All(body.GetProperty("data").EnumerateObject(), f => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, f.Value.ValueKind));
        }
    }
}
