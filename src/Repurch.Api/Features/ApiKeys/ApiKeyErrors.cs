using Repurch.Api.Errors;

namespace Repurch.Api.Features.ApiKeys;

public static class ApiKeyErrors
{
    public static readonly ErrorCode NotFound = new(404, "api_key_not_found",
        "No key with this id belongs to the brand on a plane the caller can reach (also for ids that are not UUIDs).", "API key not found.");
    public static readonly ErrorCode EnvironmentUnavailable = new(409, "environment_unavailable",
        "The brand has no workspace in the requested environment.");
}
