using Microsoft.Extensions.Options;

namespace Repurch.Api.Configuration;

/// <summary>Turns <see cref="BoundOptions.Problems"/> into the options validation that runs at startup.</summary>
public sealed class BoundOptionsValidator<T> : IValidateOptions<T> where T : BoundOptions
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
