using Repurch.Api.Errors;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Observability;

public sealed record HealthStatus(string Status);
