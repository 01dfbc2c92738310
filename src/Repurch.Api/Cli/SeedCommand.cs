using System.CommandLine;
using Repurch.Api.Persistence;
using Repurch.Api.Storage;

namespace Repurch.Api.Cli;

/// <summary><c>./run seed</c>: the demo brands, listings and profiles; prints a sandbox key per brand it creates.</summary>
internal sealed class SeedCommand : Command
{
    public SeedCommand(IConfiguration config) : base("seed", "Add the demo brands furniture-co, brand-b and sofalistic with their listings and profiles (idempotent).")
    {
        SetAction(_ => RunAsync(config));
    }

    private static async Task RunAsync(IConfiguration config)
    {
        await using var planes = new DataPlanes(config);
        // The store and URLs the served app uses: ./run starts it from the same directory, and with the
        // local store its /media/ is on http://127.0.0.1:$PORT (set REPURCH_MEDIA_BASE_URL when it is not).
        var storage = StorageOptions.From(config, Directory.GetCurrentDirectory());
        var store = ObjectStoreSetup.Create(storage);
        try
        {
            var mediaBaseUrl = MediaUrls.BaseUrl(storage, store, $"http://127.0.0.1:{config["PORT"] ?? "8080"}");
            var printed = await DemoSeed.RunAsync(planes, store, mediaBaseUrl, Console.Out);
            if (!printed) Console.Error.WriteLine("demo data already present");
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }
}
