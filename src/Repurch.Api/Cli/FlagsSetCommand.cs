using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Features.Audit;
using Repurch.Api.Features.Flags;
using Repurch.Api.Persistence;

namespace Repurch.Api.Cli;

/// <summary>
/// <c>./run flags set &lt;flag&gt; --brand &lt;b&gt; on|off</c>: switches a catalogue feature flag for one brand on
/// both planes (as <c>PUT /v1/operator/brands/{brand_id}/features/{name}</c> does), audited in that brand's log.
/// </summary>
internal sealed class FlagsSetCommand : Command
{
    private readonly Argument<string> _flag = new("flag") { Description = "The flag's name (./run flags list --brand <b> shows them)." };
    private readonly Argument<string> _state = new("state") { Description = "on or off." };
    private readonly Option<string> _brand = new("--brand") { Description = "The brand to switch it for.", HelpName = "brand_id", Required = true };

    public FlagsSetCommand(IConfiguration config) : base("set", "Turn a feature flag on or off for one brand (both planes).")
    {
        Add(_flag);
        Add(_state);
        Add(_brand);
        SetAction((p, ct) => RunAsync(config, p.GetRequiredValue(_flag), p.GetRequiredValue(_state), p.GetRequiredValue(_brand), ct));
    }

    private static async Task<int> RunAsync(IConfiguration config, string flag, string state, string brand, CancellationToken ct)
    {
        if (!FeatureCatalogue.IsKnown(flag))
            throw new UsageException($"unknown flag '{flag}'; the catalogue has: {string.Join(", ", FeatureCatalogue.Descriptions.Keys.Order(StringComparer.Ordinal))}");
        var enabled = state switch { "on" => true, "off" => false, _ => throw new UsageException($"state must be on or off, not '{state}'") };
        await using var planes = new DataPlanes(config);
        var now = DateTimeOffset.UtcNow;
        foreach (var plane in new[] { Plane.Live, Plane.Sandbox })
        {
            await using var db = planes.Open(plane, brand);
            if (!await db.Brands.AnyAsync(ct)) throw new UsageException($"brand '{brand}' does not exist on the {plane.ToString().ToLowerInvariant()} plane");
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var before = await BrandFlags.SetAsync(db, brand, flag, enabled, now, ct);
            if (before != enabled)
                await AuditLog.RecordForBrandAsync(db, brand, null, "feature.updated", flag,
                    new Dictionary<string, FieldChange> { ["enabled"] = new(before ? "on" : "off", state) }, TimeProvider.System, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        Console.WriteLine($"{flag} {state} for {brand}");
        return 0;
    }
}
