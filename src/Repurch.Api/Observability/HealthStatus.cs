namespace Repurch.Api.Observability;

public sealed record HealthStatus(string Status);
