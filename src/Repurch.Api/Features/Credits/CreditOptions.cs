using Repurch.Api.Configuration;

namespace Repurch.Api.Features.Credits;

/// <summary>
/// Credit code settings: <c>REPURCH_CODE_SECRET</c> (32+ characters), which keys the code look-up hash
/// and seals codes. Required outside Development; in Development (./run, ./test) an unset secret
/// falls back to a development one with a warning.
/// </summary>
public sealed class CreditOptions : BoundOptions
{
    public const string SecretSetting = "REPURCH_CODE_SECRET";
    public const int MinimumSecretLength = 32;

    public string? CodeSecret { get; set; }

    /// <summary>True in the Development environment, where <see cref="CodeSecret"/> may be unset.</summary>
    public bool Development { get; set; }

    protected override void Load(IConfiguration config) => CodeSecret = Text(config, SecretSetting);

    protected override IEnumerable<string> Check()
    {
        if (CodeSecret is null && !Development)
            yield return $"{SecretSetting} is not set: set it to 32+ random characters (outside Development it is required; codes issued under one secret do not resolve under another).";
        else if (CodeSecret is { Length: < MinimumSecretLength })
            yield return $"{SecretSetting} must be at least {MinimumSecretLength} characters.";
    }
}
