using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Repurch.Api.Tests.RateLimiting;

/// <summary>
/// A throwaway redis-server on a free loopback port (or, with <see cref="OnUnixSocket"/>, on a unix
/// socket and no port), for the tests' lifetime (./test installs it when missing).
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>The socket's path when the server listens on a unix socket instead of TCP.</summary>
    public string? Socket { get; private init; }

    public string Url => Socket is null ? $"redis://127.0.0.1:{Port}" : $"unix://{Socket}";

    /// <summary>A server on a socket in a fresh temporary directory (short enough for sun_path).</summary>
    public static RedisServer OnUnixSocket() =>
        new() { Socket = Path.Combine(Directory.CreateTempSubdirectory("redis-").FullName, "redis.sock") };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task InitializeAsync()
    {
        if (Socket is null) Port = FreePort();
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var listen = Socket is null
            ? new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1" }
            : ["--port", "0", "--unixsocket", Socket, "--unixsocketperm", "700"];
        foreach (var arg in listen.Concat(["--save", "", "--appendonly", "no"]))
            start.ArgumentList.Add(arg);
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("redis-server not found: run the suite with ./test, which installs it.", e);
        }
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                if (Socket is null)
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, Port);
                }
                else
                {
                    using var client = new System.Net.Sockets.Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await client.ConnectAsync(new UnixDomainSocketEndPoint(Socket));
                }
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit(5000);
        _process?.Dispose();
        if (Socket is not null) Directory.Delete(Path.GetDirectoryName(Socket)!, recursive: true);
        return Task.CompletedTask;
    }
}
