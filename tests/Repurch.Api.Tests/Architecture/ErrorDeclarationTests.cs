using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Repurch.Api.Errors;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Repurch.Api.Tests.Architecture;

/// <summary>
/// An error code is written in one place: only an area's <c>...Errors</c> class creates an
/// <see cref="ErrorCode"/>, and only <c>Errors/</c> builds an answer, so a handler cannot invent an inline code.
/// </summary>
public sealed class ErrorDeclarationTests
{
    private static readonly ArchUnitNET.Domain.Architecture Api =
        new ArchLoader().LoadAssemblies(typeof(RepurchApp).Assembly).Build();

    [Fact]
    public void Only_errors_classes_create_error_codes() =>
        MethodMembers().That().AreConstructors().And().AreDeclaredIn(typeof(ErrorCode))
            .Should().NotBeCalledBy(Types().That().DoNotHaveNameMatching("Errors$").And().AreNot(typeof(ErrorCode)))
            .Check(Api);

    [Fact]
    public void Only_the_errors_folder_builds_an_error_answer() =>
        MethodMembers().That().AreConstructors().And().AreDeclaredIn(typeof(ApiError), typeof(ApiErrorResult))
            .Should().NotBeCalledBy(Types().That().DoNotResideInNamespace("Repurch.Api.Errors"))
            .Check(Api);
}
