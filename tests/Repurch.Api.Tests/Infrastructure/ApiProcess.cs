using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Repurch.Api.Tests.Infrastructure;

/// <summary>
/// The built API as a process of its own (<c>dotnet Repurch.Api.dll</c>, as ./run starts it) on a
/// free loopback port and the suite's databases: it inherits the environment ./test exports. For
/// what only the real process shows, such as its memory, which an in-process host would share
/// with the test runner.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "Repurch.Api.dll");

    public static async Task<ApiProcess> StartAsync()
    {
        var port = FreePort();
        var process = Launch(port);
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await api.WaitUntilHealthyAsync();
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts it on port 0 and returns as soon as its stdout has a line starting with
    /// <paramref name="prefix"/>, with that line; <see cref="Address"/> is then unknown (port 0).
    /// </summary>
    public static async Task<(ApiProcess Api, string Line)> StartUntilLineAsync(string prefix)
    {
        var line = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Launch(0, l => { if (l.StartsWith(prefix, StringComparison.Ordinal)) line.TrySetResult(l); });
        process.Exited += (_, _) => line.TrySetException(new InvalidOperationException($"the API exited before printing \"{prefix}…\""));
        process.EnableRaisingEvents = true;
        var api = new ApiProcess(process, new Uri("http://127.0.0.1:0"));
        try
        {
            return (api, await line.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    private static Process Launch(int port, Action<string>? onStdout = null)
    {
        var start = Start();
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        if (port != 0) start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        // It shares the suite's databases: its background workers, on production timings (a 60 s
        // delivery lease), would claim other tests' webhook deliveries, jobs and releases.
        start.Environment["Webhooks__DispatcherEnabled"] = "false";
        start.Environment["BulkJobs__Enabled"] = "false";
        start.Environment["Money__SweepIntervalSeconds"] = "86400";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Read its log lines (dropping them unless asked), so a full pipe never stalls it.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onStdout?.Invoke(e.Data); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public HttpClient Client(string? bearer)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = HttpExtensions.Bearer(bearer);
        return client;
    }

    /// <summary>The most resident memory the process has had so far (<c>VmHWM</c>), in bytes.</summary>
    public long PeakResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Runs an operator command (<c>brands create …</c>) and returns its last line of output.</summary>
    public static async Task<string> RunCliAsync(params string[] args)
    {
        var start = Start();
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
        return (await stdout).TrimEnd().Split('\n').Last().Trim();
    }

    private static ProcessStartInfo Start()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        return start;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the API exited with {_process.ExitCode} before it was healthy");
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, not answering yet.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the API was not healthy within 30 s");
            await Task.Delay(100);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
