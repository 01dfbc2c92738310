namespace Repurch.Api.Tests.Sdks;

/// <summary>
/// sdks/php: its generated models and Operations trait match a fresh generation, its unit tests (and
/// php -l on every file) pass, and each README snippet runs with php against a real API process.
/// </summary>
public sealed class PhpSdkTests(ApiProcessFixture server) : SdkSnippetTests(server), IClassFixture<ApiProcessFixture>
{
    private static readonly string Folder = Path.Combine(Root, "sdks", "php");
    private static readonly SemaphoreSlim BuildLock = new(1, 1);
    private static bool _built;

    protected override string Sdk => Folder;

    protected override string[] SnippetFiles() => Directory.GetFiles(Path.Combine(Folder, "examples"), "*.php");

    protected override (string File, string[] Args) SnippetCommand(string name, params string[] args) =>
        ("php", [$"examples/{name}.php", .. args]);

    /// <summary>php-cli and php-curl from Debian when missing: once per run (PHP has nothing to compile).</summary>
    protected override async Task BuildAsync()
    {
        await BuildLock.WaitAsync();
        try
        {
            if (_built) return;
            var install = await SdkProcess.RunAsync(Root, "bash", ["scripts/sdks.sh", "--install", "php"]);
            Assert.True(install.Exit == 0, $"scripts/sdks.sh --install php: {install.Stdout}\n{install.Stderr}");
            _built = true;
        }
        finally
        {
            BuildLock.Release();
        }
    }

    [Fact]
    public async Task The_committed_models_and_operations_match_a_fresh_generation_from_openapi_v1_json()
    {
        var check = await SdkProcess.RunAsync(Root, "bash", ["scripts/sdks.sh", "--check", "php"]);
        Assert.True(check.Exit == 0, $"{check.Stdout}\n{check.Stderr}");
        Assert.Contains("'/v1/codes/redeem'", await File.ReadAllTextAsync(Path.Combine(Folder, "src", "Generated", "Operations.php")));
    }

    [Fact]
    public async Task Its_unit_tests_pass_and_every_file_passes_php_lint()
    {
        await BuildAsync();
        var run = await SdkProcess.RunAsync(Folder, "php", ["tests/run.php"]);
        Assert.True(run.Exit == 0, $"{run.Stdout}\n{run.Stderr}");
        Assert.Contains("# fail 0", run.Stdout);
        Assert.Contains("ok - every PHP file passes php -l", run.Stdout);
        Assert.DoesNotContain("# pass 0", run.Stdout);
    }
}
