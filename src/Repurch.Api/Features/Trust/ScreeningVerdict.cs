namespace Repurch.Api.Features.Trust;

/// <summary>What happens to a screened text; wire values <c>allow</c>, <c>hold</c>, <c>block</c> (see <see cref="ScreeningVerdicts"/>).</summary>
public enum ScreeningVerdict
{
    /// <summary>Delivered as written.</summary>
    Allow,
    /// <summary>Held for the brand's moderation.</summary>
    Hold,
    /// <summary>Never delivered.</summary>
    Block,
}
