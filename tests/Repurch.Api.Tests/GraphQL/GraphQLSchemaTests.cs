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

    [Fact]
    public void Every_persisted_query_validates_against_the_schema()
    {
        var persisted = Api.Services.GetRequiredService<PersistedQueries>();
        Assert.Contains("dashboard-overview.graphql", persisted.Names.Keys);
    }
}
