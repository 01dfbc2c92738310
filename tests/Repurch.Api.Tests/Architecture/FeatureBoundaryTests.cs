using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;

namespace Repurch.Api.Tests.Architecture;

/// <summary>
/// The house rules on dependencies, checked on the compiled API: plumbing never reaches into
/// features; a feature uses another only through its public types, never its <c>*Endpoints</c>
/// class or its internals; features depend on each other one way. The composition root
/// (<c>RepurchApp</c>, <c>Program</c>, <c>Cli/</c>) may reference anything.
/// </summary>
public sealed class FeatureBoundaryTests
{
    private const string Root = "Repurch.Api";
    private const string FeaturesNamespace = Root + ".Features";

    public static readonly TheoryData<string> Plumbing =
    [
        "Authentication", "Errors", "Http", "Idempotency", "Observability", "OpenApi",
        "Payments", "Persistence", "RateLimiting", "Storage", "EventDelivery",
    ];

    private static readonly ArchUnitNET.Domain.Architecture Api =
        new ArchLoader().LoadAssemblies(typeof(RepurchApp).Assembly).Build();

    public static TheoryData<string> Features() =>
        [.. Api.Namespaces.Select(n => n.FullName)
            .Where(n => n.StartsWith(FeaturesNamespace + ".", StringComparison.Ordinal))
            .Select(n => n[(FeaturesNamespace.Length + 1)..].Split('.')[0])
            .Distinct().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Plumbing))]
    public void Plumbing_never_references_a_feature(string folder) =>
        Types().That().ResideInNamespaceOrBelow($"{Root}.{folder}")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceOrBelow(FeaturesNamespace))
            .WithoutRequiringPositiveResults()
            .Check(Api);

    [Theory]
    [MemberData(nameof(Features))]
    public void A_feature_never_uses_another_features_endpoints(string feature) =>
        Types().That().ResideInNamespaceOrBelow($"{FeaturesNamespace}.{feature}")
            .Should().NotDependOnAny(OtherFeatures(feature).And().HaveNameMatching("Endpoints?$"))
            .Check(Api);

    [Theory]
    [MemberData(nameof(Features))]
    public void A_feature_never_uses_another_features_internal_types(string feature) =>
        Types().That().ResideInNamespaceOrBelow($"{FeaturesNamespace}.{feature}")
            .Should().NotDependOnAny(OtherFeatures(feature).And().AreNotPublic())
            .Check(Api);

    [Theory]
    [MemberData(nameof(Features))]
    public void A_feature_never_calls_another_features_internal_members(string feature) =>
        MethodMembers().That().AreInternal().And().AreDeclaredIn(OtherFeatures(feature))
            .Should().NotBeCalledBy(Types().That().ResideInNamespaceOrBelow($"{FeaturesNamespace}.{feature}"))
            .WithoutRequiringPositiveResults()
            .Check(Api);

    [Fact]
    public void Features_depend_on_each_other_one_way() =>
        Slices().Matching(FeaturesNamespace + ".(*)..").Should().BeFreeOfCycles().Check(Api);

    private static ArchUnitNET.Fluent.Syntax.Elements.Types.GivenTypesConjunction OtherFeatures(string feature) =>
        Types().That().ResideInNamespaceOrBelow(FeaturesNamespace).And().DoNotResideInNamespaceOrBelow($"{FeaturesNamespace}.{feature}");
}
