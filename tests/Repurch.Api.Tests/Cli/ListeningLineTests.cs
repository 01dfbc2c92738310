using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Cli;

/// <summary>"Repurch API listening on …" is the app's own line, written once the port is bound.</summary>
public sealed partial class ListeningLineTests : ApiTest
{
    [GeneratedRegex(@"^Repurch API listening on (http://127\.0\.0\.1:(\d+)) \(docs at /docs, OpenAPI at /openapi/v1\.json\)$")]
    private static partial Regex Line();

    [Fact]
    public async Task The_listening_line_names_the_bound_port_and_comes_only_once_it_accepts_connections()
    {
        // Port 0: only the app can know the port it got, so the line cannot come from the script.
        var (api, line) = await ApiProcess.StartUntilLineAsync("Repurch API listening on ");
        await using var _ = api;

        var match = Line().Match(line);
        Assert.True(match.Success, line);
        var port = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(0, port);
        // At once, without retrying: the port already accepts connections, and the app answers.
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port);
        }
        using var client = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value), Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
