namespace Repurch.Api.Payments;

public sealed record PayoutRequest(string PayoutId, decimal Amount, string Receiver, string Note);
