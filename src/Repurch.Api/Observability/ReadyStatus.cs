namespace Repurch.Api.Observability;

public sealed record ReadyStatus(string Status, IReadOnlyDictionary<string, string> Checks);
