namespace Repurch.Api.Tests.Trust;

/// <summary>The timed screening tests run alone: their timings must not compete with other classes' CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScreeningTimings
{
    public const string Name = "screening timings";
}
