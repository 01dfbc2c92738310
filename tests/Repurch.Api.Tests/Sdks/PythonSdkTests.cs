namespace Repurch.Api.Tests.Sdks;

/// <summary>
/// sdks/python: its generated models and operations match a fresh generation, every file compiles
/// (py_compile: no mypy here), its unit tests pass, and each README snippet runs with python3 against a
/// real API process.
/// </summary>
public sealed class PythonSdkTests(ApiProcessFixture server) : SdkSnippetTests(server), IClassFixture<ApiProcessFixture>
{
    private static readonly string Folder = Path.Combine(Root, "sdks", "python");
    private static readonly SemaphoreSlim BuildLock = new(1, 1);
    private static bool _built;

    protected override string Sdk => Folder;

    protected override string[] SnippetFiles() => Directory.GetFiles(Path.Combine(Folder, "examples"), "*.py");

    // Task names use dashes, file names underscores; PYTHONPATH makes `import repurch` find the SDK folder.
    protected override (string File, string[] Args) SnippetCommand(string name, params string[] args) =>
        ("env", [$"PYTHONPATH={Folder}", "PYTHONDONTWRITEBYTECODE=1", "python3", $"examples/{name.Replace('-', '_')}.py", .. args]);

    /// <summary>python3 present (scripts/sdks.sh --install), then py_compile over the SDK: once per run.</summary>
    protected override async Task BuildAsync()
    {
        await BuildLock.WaitAsync();
        try
        {
            if (_built) return;
            var install = await SdkProcess.RunAsync(Root, "bash", ["scripts/sdks.sh", "--install", "python"]);
            Assert.True(install.Exit == 0, $"scripts/sdks.sh --install python: {install.Stdout}\n{install.Stderr}");
            var files = Directory.GetFiles(Folder, "*.py", SearchOption.AllDirectories);
            // Compiled into a scratch folder, so the check leaves no __pycache__ in the SDK.
            var scratch = Directory.CreateTempSubdirectory("repurch-py-compile-");
            try
            {
                var compile = await SdkProcess.RunAsync(Folder, "env", [$"PYTHONPYCACHEPREFIX={scratch.FullName}", "python3", "-m", "py_compile", .. files]);
                Assert.True(compile.Exit == 0, $"py_compile: {compile.Stdout}\n{compile.Stderr}");
            }
            finally
            {
                scratch.Delete(recursive: true);
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
        var check = await SdkProcess.RunAsync(Root, "bash", ["scripts/sdks.sh", "--check", "python"]);
        Assert.True(check.Exit == 0, $"{check.Stdout}\n{check.Stderr}");
        var operations = await File.ReadAllTextAsync(Path.Combine(Folder, "repurch", "_generated", "operations.py"));
        Assert.Contains("def redeem_code(self, body: CodeCheck", operations);
        Assert.Contains("\"/v1/codes/redeem\"", operations);
    }

    [Fact]
    public async Task It_compiles_and_its_unit_tests_pass()
    {
        await BuildAsync();
        var run = await SdkProcess.RunAsync(Root, "env", ["PYTHONDONTWRITEBYTECODE=1", "python3", "-m", "unittest", "discover", "-v", "-s", "sdks/python/tests"]);
        Assert.True(run.Exit == 0, $"{run.Stdout}\n{run.Stderr}");
        // unittest reports on stderr: "Ran N tests" then "OK".
        Assert.Matches(@"Ran [1-9][0-9]* tests", run.Stderr);
        Assert.Contains("\nOK", run.Stderr);
    }
}
