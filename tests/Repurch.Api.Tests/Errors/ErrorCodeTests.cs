using System.Reflection;
using System.Text.Json.Nodes;
using Repurch.Api.Errors;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Errors;

/// <summary>
/// Every error code is one <see cref="ErrorCode"/> field in a <c>...Errors</c> class: declared once per
/// (status, code), and listed in at least one operation's error table unless the pipeline answers it
/// for any request (<see cref="CommonErrors.Global"/>).
/// </summary>
public sealed class ErrorCodeTests : ApiTest
{
    private static readonly (string Name, ErrorCode Error)[] Declared =
        [.. typeof(ErrorCode).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Errors", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(ErrorCode))
                .Select(f => ($"{t.FullName}.{f.Name}", (ErrorCode)f.GetValue(null)!)))];

    [Fact]
    public void Codes_are_declared()
    {
        Assert.Contains(Declared, d => d.Error == CommonErrors.MissingBearer);
        Assert.True(Declared.Length > 50, $"only {Declared.Length} declarations found");
    }

    [Fact]
    public void Each_status_and_code_is_declared_once()
    {
        var twice = Declared.GroupBy(d => (d.Error.Status, d.Error.Code)).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Status} {g.Key.Code}: {string.Join(", ", g.Select(d => d.Name))}");
        Assert.Empty(twice);
    }

    [Fact]
    public void Declarations_are_well_formed()
    {
        foreach (var (name, error) in Declared)
        {
            Assert.Matches("^[a-z][a-z0-9_]*$", error.Code);
            Assert.InRange(error.Status, 400, 599);
            Assert.False(string.IsNullOrWhiteSpace(error.Description), name);
            Assert.False(string.IsNullOrWhiteSpace(error.Message), name);
        }
    }

    [Fact]
    public void A_declaration_answers_in_the_error_shape()
    {
        var result = CommonErrors.InvalidParameter.Result("page must be an integer of at least 1.", ["page_invalid"], "page");
        Assert.Equal(400, result.StatusCode);
        Assert.Equal(new ApiError("invalid_parameter", "page must be an integer of at least 1.", new ApiErrorData(400, ["page_invalid"], "page")) with { Data = result.Value.Data }, result.Value);
        Assert.Equal(["page_invalid"], result.Value.Data.Errors);
        Assert.Equal("page", result.Value.Data.Param);
        Assert.Equal(CommonErrors.NoFields.Message, CommonErrors.NoFields.Result().Value.Message);
    }

    [Fact]
    public async Task Every_declared_code_is_in_an_error_table_of_its_status_or_is_global()
    {
        var doc = JsonNode.Parse(await Api.ClientWith(null).GetStringAsync("/openapi/v1.json"))!;
        var tables = (doc["paths"]?.AsObject() ?? [])
            .SelectMany(path => path.Value!.AsObject())
            .SelectMany(operation => operation.Value!["responses"]?.AsObject() ?? [])
            .Select(response => (Status: response.Key, Text: response.Value?["description"]?.GetValue<string>() ?? ""))
            .ToList();
        var undocumented = Declared
            .Where(d => !CommonErrors.Global.Contains(d.Error))
            .Where(d => !tables.Any(t => t.Status == d.Error.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)
                                         && t.Text.Contains($"`{d.Error.Code}`", StringComparison.Ordinal)))
            .Select(d => $"{d.Error.Status} {d.Error.Code} ({d.Name})");
        Assert.Empty(undocumented);
    }
}
