namespace Repurch.Api.Payments;

// Factories on the generic type read best at call sites (ProviderResult<string>.Declined(...)).
#pragma warning disable CA1000
public sealed record ProviderResult<T>(ProviderOutcome Outcome, T? Value, string? Reason = null)
{
    public static ProviderResult<T> Success(T value) => new(ProviderOutcome.Ok, value);
    public static ProviderResult<T> Declined(string reason) => new(ProviderOutcome.Declined, default, reason);
    public static ProviderResult<T> Unavailable(string reason) => new(ProviderOutcome.Unavailable, default, reason);
}
#pragma warning restore CA1000
