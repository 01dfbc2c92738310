namespace Repurch.Api.Tests.Configuration;

/// <summary>
/// The startup tests start a dozen API processes one after another: run alone, so their start-up
/// CPU neither slows the timing-sensitive tests beside them nor is slowed by them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StartupProcesses
{
    public const string Name = "startup processes";
}
