namespace Repurch.Api.Tests.Sdks;

/// <summary>
/// sdks/dotnet: its Kiota-generated code matches a fresh generation, the examples and the unit tests
/// compile (so a snippet that no longer fits the document fails here), the unit tests pass, and each
/// README snippet runs with dotnet against a real API process.
/// </summary>
public sealed class DotnetSdkTests(ApiProcessFixture server) : SdkSnippetTests(server), IClassFixture<ApiProcessFixture>
{
    private static readonly string Folder = Path.Combine(Root, "sdks", "dotnet");
    private static readonly string Examples = Path.Combine(Folder, "examples", "Repurch.Sdk.Examples");
    private static readonly string UnitTests = Path.Combine(Folder, "tests", "Repurch.Sdk.Tests");
    private static readonly SemaphoreSlim BuildLock = new(1, 1);
    private static bool _built;

    protected override string Sdk => Folder;

    protected override string[] SnippetFiles() => Directory.GetFiles(Path.Combine(Examples, "Examples"), "*.cs");

    protected override (string File, string[] Args) SnippetCommand(string name, params string[] args) =>
        ("dotnet", [Path.Combine(Examples, "bin", "Release", "net10.0", "Repurch.Sdk.Examples.dll"), name, .. args]);

    /// <summary>
    /// The Kiota tool restored, then the examples and the unit tests built in Release, once per run: into
    /// their own bin/Release, apart from the Debug build the solution's test run is using.
    /// </summary>
    protected override async Task BuildAsync()
    {
        await BuildLock.WaitAsync();
        try
        {
            if (_built) return;
            var install = await SdkProcess.RunAsync(Root, "bash", ["scripts/sdks.sh", "--install", "dotnet"]);
            Assert.True(install.Exit == 0, $"scripts/sdks.sh --install dotnet: {install.Stdout}\n{install.Stderr}");
            foreach (var project in new[] { Examples, UnitTests })
            {
                var build = await SdkProcess.RunAsync(project, "dotnet", ["build", "-c", "Release", "-nologo", "-v", "q"]);
                Assert.True(build.Exit == 0, $"dotnet build {project}: {build.Stdout}\n{build.Stderr}");
            }
            _built = true;
        }
        finally
        {
            BuildLock.Release();
        }
    }

    [Fact]
    public async Task The_committed_generated_code_matches_a_fresh_generation_from_openapi_v1_json()
    {
        var check = await SdkProcess.RunAsync(Root, "bash", ["scripts/sdks.sh", "--check", "dotnet"]);
        Assert.True(check.Exit == 0, $"{check.Stdout}\n{check.Stderr}");
        Assert.Contains("{+baseurl}/v1/codes/redeem", await File.ReadAllTextAsync(Path.Combine(Folder, "src", "Repurch.Sdk", "Generated", "V1", "Codes", "Redeem", "RedeemRequestBuilder.cs")));
    }

    [Fact]
    public async Task It_compiles_with_its_examples_and_its_unit_tests_pass()
    {
        await BuildAsync();
        var dll = Path.Combine(UnitTests, "bin", "Release", "net10.0", "Repurch.Sdk.Tests.dll");
        var run = await SdkProcess.RunAsync(UnitTests, "dotnet", ["test", dll, "--nologo"]);
        Assert.True(run.Exit == 0, $"{run.Stdout}\n{run.Stderr}");
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+[1-9]", run.Stdout);
    }
}
