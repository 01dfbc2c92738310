using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Repurch.Api.Tests.Configuration;

/// <summary>
/// The built API as its own process (as <see cref="Infrastructure.ApiProcess"/> starts it) with extra
/// environment variables, watched until it exits or answers <c>/healthz</c>: what a node does with a setting.
/// </summary>
public static class ApiStartup
{
    public sealed record Outcome(bool Healthy, int? ExitCode, string Output);

    public static async Task<Outcome> RunAsync(IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Repurch.Api.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        // It shares the suite's databases: no background workers.
        start.Environment["Webhooks__DispatcherEnabled"] = "false";
        start.Environment["BulkJobs__Enabled"] = "false";
        start.Environment["Money__SweepIntervalSeconds"] = "86400";
        foreach (var (name, value) in settings) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                {
                    await process.WaitForExitAsync();
                    return new Outcome(false, process.ExitCode, await stdout + await stderr);
                }
                try
                {
                    if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return new Outcome(true, null, "");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening, or not answering, yet.
                }
                await Task.Delay(100);
            }
            throw new TimeoutException($"the API neither exited nor became healthy within {timeout.TotalSeconds} s");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
