using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Features.Flags;
using Repurch.Api.Persistence;

namespace Repurch.Api.Cli;

/// <summary><c>./run flags list --brand &lt;b&gt;</c>: every catalogue flag and whether it is on for the brand, one per line.</summary>
internal sealed class FlagsListCommand : Command
{
    private readonly Option<string> _brand = new("--brand") { Description = "The brand.", HelpName = "brand_id", Required = true };

    public FlagsListCommand(IConfiguration config) : base("list", "List the feature flags and their state for one brand.")
    {
        Add(_brand);
        SetAction((p, ct) => RunAsync(config, p.GetRequiredValue(_brand), ct));
    }

    private static async Task<int> RunAsync(IConfiguration config, string brand, CancellationToken ct)
    {
        await using var planes = new DataPlanes(config);
        await using var db = planes.Open(Plane.Live, brand);
        if (!await db.Brands.AnyAsync(ct)) throw new UsageException($"brand '{brand}' does not exist");
        foreach (var (name, enabled, _) in await BrandFlags.ListAsync(db, brand, ct))
            Console.WriteLine($"{name}\t{(enabled ? "on" : "off")}\t{FeatureCatalogue.Descriptions[name]}");
        return 0;
    }
}
