using System.Diagnostics;

namespace Repurch.Api.Tests.Cli;

/// <summary>The built binary run with operator arguments, as ./run runs it; killed if it outlives <c>timeout</c>.</summary>
public static class CliProcess
{
    public sealed record Result(int Exit, string Stdout, string Stderr, TimeSpan Elapsed);

    /// <param name="stdin">Written to the process's standard input, which is then closed (left alone when null).</param>
    public static async Task<Result> RunAsync(string[] args, TimeSpan? timeout = null, IDictionary<string, string>? environment = null, string? stdin = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Repurch.Api.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' still ran after {watch.Elapsed.TotalSeconds:F0} s: {await stdout}");
        }
        return new Result(process.ExitCode, await stdout, await stderr, watch.Elapsed);
    }
}
