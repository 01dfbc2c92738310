using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repurch.Api.Errors;

namespace Repurch.Api.Features.Settings;

public static class WarehouseProblems
{
    /// <summary>Exclusion (23P01) and check (23514) violations of the one-default rule, deadlocks and serialisation failures.</summary>
    private static readonly string[] ConflictStates =
        [PostgresErrorCodes.ExclusionViolation, PostgresErrorCodes.CheckViolation, PostgresErrorCodes.DeadlockDetected, PostgresErrorCodes.SerializationFailure];

    public static ApiErrorResult NotFound() => SettingsErrors.WarehouseNotFound.Result();

    public static ApiErrorResult Conflict() =>
        CommonErrors.Conflict.Result("The brand's warehouses were changed concurrently and this change would break the one-default rule; nothing was saved. Retry the request.");

    public static bool IsConflict(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg && ConflictStates.Contains(pg.SqlState)) return true;
        }
        return false;
    }
}
