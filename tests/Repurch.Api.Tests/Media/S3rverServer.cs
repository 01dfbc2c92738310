using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Repurch.Api.Tests.RateLimiting;

namespace Repurch.Api.Tests.Media;

/// <summary>
/// A real S3-compatible server (the npm package s3rver, installed by ./test into tests/s3rver) on
/// a free loopback port with one bucket, for the tests' lifetime. It knows one access key,
/// <c>S3RVER</c> (secret <c>S3RVER</c>), and refuses others, but does not verify SigV4 signatures.
/// </summary>
public sealed class S3rverServer : IAsyncLifetime
{
    public const string Bucket = "repurch-photos";
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private Process? _process;
    private string? _directory;

    public int Port { get; private set; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public Dictionary<string, string> Settings => new()
    {
        ["REPURCH_S3_BUCKET"] = Bucket,
        ["REPURCH_S3_ENDPOINT"] = Endpoint,
        ["REPURCH_S3_ACCESS_KEY"] = AccessKey,
        ["REPURCH_S3_SECRET_KEY"] = SecretKey,
        ["REPURCH_S3_REGION"] = "us-east-1",
    };

    private static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("s3rver is not installed: run the suite with ./test, which runs npm ci in tests/s3rver.");
    }

    public async Task InitializeAsync()
    {
        var script = Script();
        Port = RedisServer.FreePort();
        _directory = Directory.CreateTempSubdirectory("repurch-s3rver-").FullName;
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { script, "-d", _directory, "-a", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--configure-bucket", Bucket })
            start.ArgumentList.Add(arg);
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node not found: run the suite with ./test, which installs it.", e);
        }
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Listening is not enough: wait until the bucket answers.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                var response = await http.GetAsync($"{Endpoint}/{Bucket}?max-keys=1");
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
            {
            }
            if (DateTime.UtcNow > deadline || _process.HasExited)
                throw new InvalidOperationException($"s3rver did not come up on {Endpoint}");
            await Task.Delay(100);
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit(5000);
        _process?.Dispose();
        if (_directory is not null && Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
