using System.Collections.Concurrent;
using System.Diagnostics;

namespace Repurch.Api.Tests.Sdks;

/// <summary>
/// A command the SDK tests run (a generator, node with a README snippet): run to its end with
/// <see cref="RunAsync"/>, or started with <see cref="Start"/> for a server the test talks to and then kills.
/// </summary>
public sealed class SdkProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);
    private readonly System.Text.StringBuilder _stderr = new();

    private SdkProcess(Process process) => _process = process;

    public string Output => string.Join('\n', _lines);

    public static SdkProcess Start(string directory, string file, IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) start.Environment[k] = v;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var run = new SdkProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            run._lines.Enqueue(e.Data);
            run._lineArrived.Release();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (run._stderr) run._stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Runs to the end (at most <paramref name="timeoutSeconds"/>) and returns exit code, stdout and stderr.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string directory, string file, IEnumerable<string> args,
        IDictionary<string, string>? env = null, int timeoutSeconds = 240)
    {
        await using var run = Start(directory, file, args, env);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await run._process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{file} {string.Join(' ', args)} ran over {timeoutSeconds} s: {run.Output} {run.Stderr}");
        }
        run._process.WaitForExit(); // drains the output readers
        return (run._process.ExitCode, run.Output, run.Stderr);
    }

    public string Stderr
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    /// <summary>Waits for a stdout line that contains <paramref name="text"/>.</summary>
    public async Task<string> WaitForLineAsync(string text, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var found = _lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (found is not null) return found;
            if (_process.HasExited && !await _lineArrived.WaitAsync(100))
                throw new InvalidOperationException($"exited {_process.ExitCode} before printing \"{text}\": {Output} {Stderr}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no line with \"{text}\" within {timeoutSeconds} s: {Output} {Stderr}");
            await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _lineArrived.Dispose();
    }
}
