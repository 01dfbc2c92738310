using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Repurch.Api.Cli;

/// <summary><c>./run serve</c> (and <c>./run</c> alone): the API, until SIGINT or SIGTERM.</summary>
internal sealed class ServeCommand : Command
{
    public ServeCommand() : base("serve", "Serve the API (on PORT or ASPNETCORE_URLS; ./run migrates and seeds first).")
    {
        SetAction(_ => RunAsync([]));
    }

    /// <summary>Runs the web host with <paramref name="hostArgs"/> as its command-line configuration.</summary>
    public static async Task<int> RunAsync(string[] hostArgs)
    {
        var app = RepurchApp.Build(hostArgs);
        // Written once Kestrel has bound, with the address it bound (port 0 included), so whoever
        // waits for this line can connect at once.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
                Console.WriteLine($"Repurch API listening on {address} (docs at /docs, OpenAPI at /openapi/v1.json)");
        });
        await app.RunAsync();
        return 0;
    }
}
