using Repurch.Api.Configuration;

namespace Repurch.Api.Features.Bulk;

/// <summary>Bulk job worker settings (<c>BulkJobs:…</c>, e.g. <c>BulkJobs__Workers=2</c>).</summary>
public sealed class BulkOptions : BoundOptions
{
    /// <summary>Set to false to run a node that serves the API but runs no bulk jobs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle worker looks for queued jobs when no signal wakes it.</summary>
    public int PollMs { get; set; } = 2000;

    /// <summary>Jobs this node runs at once.</summary>
    public int Workers { get; set; } = 2;

    protected override void Load(IConfiguration config) => BindSection(config, "BulkJobs");

    protected override IEnumerable<string> Check()
    {
        if (PollMs < 1) yield return $"BulkJobs:PollMs: {PollMs} must be at least 1.";
        if (Workers < 1) yield return $"BulkJobs:Workers: {Workers} must be at least 1.";
    }
}
