namespace Repurch.Api.Tests.Infrastructure;

/// <summary>
/// Tests that run the demo seed or need its brands (the platform's <c>sofalistic</c>, which alone may hold an
/// operator key) share one collection, so two seeds never race to create the same brand.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoSeedTests
{
    public const string Name = "demo seed";
}
