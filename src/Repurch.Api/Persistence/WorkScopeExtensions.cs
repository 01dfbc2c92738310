namespace Repurch.Api.Persistence;

public static class WorkScopeExtensions
{
    /// <summary>Begins a transaction, or a savepoint inside the one already open on <paramref name="db"/>.</summary>
    public static Task<WorkScope> BeginOrJoinTransactionAsync(this RepurchDb db, CancellationToken ct = default) =>
        WorkScope.BeginAsync(db, ct);
}
