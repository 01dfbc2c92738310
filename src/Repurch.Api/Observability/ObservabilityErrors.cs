using Repurch.Api.Errors;

namespace Repurch.Api.Observability;

public static class ObservabilityErrors
{
    public static readonly ErrorCode NotReady = new(503, "not_ready",
        "A database does not answer: `live_database_unavailable`, `sandbox_database_unavailable` in `data.errors`.");
}
