namespace Repurch.Api.Payments;

public enum ProviderOutcome
{
    Ok,
    /// <summary>The provider said no (card declined, instrument refused): final for this attempt.</summary>
    Declined,
    /// <summary>The provider could not be reached or failed (5xx, timeout): nothing is known to have happened; retry.</summary>
    Unavailable,
}
