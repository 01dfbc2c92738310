namespace Repurch.Api.Tests.Sdks;

/// <summary>
/// sdks/typescript: its generated types match a fresh generation, it compiles (README snippets and unit
/// tests included, so a snippet that no longer type-checks against the document fails here), its unit
/// tests pass, and each README snippet runs with node against a real API process.
/// </summary>
public sealed class TypeScriptSdkTests(ApiProcessFixture server) : SdkSnippetTests(server), IClassFixture<ApiProcessFixture>
{
    private static readonly string Folder = Path.Combine(Root, "sdks", "typescript");
    private static readonly SemaphoreSlim BuildLock = new(1, 1);
    private static bool _built;

    protected override string Sdk => Folder;

    protected override string[] SnippetFiles() => Directory.GetFiles(Path.Combine(Folder, "examples"), "*.ts");

    protected override (string File, string[] Args) SnippetCommand(string name, params string[] args) =>
        ("node", [$"dist/examples/{name}.js", .. args]);

    /// <summary>npm ci from the committed lock file (when it changed), then tsc: once per run.</summary>
    protected override async Task BuildAsync()
    {
        await BuildLock.WaitAsync();
        try
        {
            if (_built) return;
            var install = await SdkProcess.RunAsync(Root, "bash", ["scripts/sdks.sh", "--install"]);
            Assert.True(install.Exit == 0, $"scripts/sdks.sh --install: {install.Stdout}\n{install.Stderr}");
            // Under the lock scripts/web.sh holds while it compiles the same dist/ and Next reads it.
            var distLock = Path.Combine(Path.GetTempPath(), "repurch-sdk-typescript-dist.lock");
            var tsc = await SdkProcess.RunAsync(Folder, "flock", [distLock, "node", "node_modules/typescript/bin/tsc", "-p", "tsconfig.json"]);
            Assert.True(tsc.Exit == 0, $"tsc: {tsc.Stdout}\n{tsc.Stderr}");
            _built = true;
        }
        finally
        {
            BuildLock.Release();
        }
    }

    [Fact]
    public async Task The_committed_types_match_a_fresh_generation_from_openapi_v1_json()
    {
        var check = await SdkProcess.RunAsync(Root, "bash", ["scripts/sdks.sh", "--check"]);
        Assert.True(check.Exit == 0, $"{check.Stdout}\n{check.Stderr}");
        Assert.Contains("\"/v1/codes/redeem\"", await File.ReadAllTextAsync(Path.Combine(Folder, "src", "schema.ts")));
    }

    [Fact]
    public async Task It_compiles_with_its_snippets_and_its_unit_tests_pass()
    {
        await BuildAsync();
        var run = await SdkProcess.RunAsync(Folder, "node", ["--test", "dist/test/"]);
        Assert.True(run.Exit == 0, $"{run.Stdout}\n{run.Stderr}");
        Assert.Contains("# fail 0", run.Stdout);
        Assert.DoesNotContain("# pass 0", run.Stdout);
    }
}
