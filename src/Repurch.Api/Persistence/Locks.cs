using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Repurch.Api.Persistence;

/// <summary>
/// The row and brand locks of the app, each held until the surrounding transaction ends (begin one
/// with <see cref="WorkScopeExtensions.BeginOrJoinTransactionAsync"/> first). Handlers lock through
/// these instead of writing the SQL, so one mode is used for one job.
/// </summary>
public static class Locks
{
    /// <summary>
    /// Locks one row by its primary key (<c>FOR UPDATE</c>) and returns it tracked, or null when the
    /// context cannot see it: a read-modify-write of that row waits for the other writers.
    /// </summary>
    public static Task<T?> LockRowAsync<T>(RepurchDb db, object key, CancellationToken ct) where T : class
    {
        var column = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Single().GetColumnName();
        return LockRows<T>(db, FormattableStringFactory.Create($"\"{column}\" = {{0}}", key)).AsTracking().FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The rows of <typeparamref name="T"/>'s table that match <paramref name="where"/> (SQL, its
    /// values as parameters), locked <c>FOR UPDATE</c> when the query runs. Untracked unless asked.
    /// </summary>
    public static IQueryable<T> LockRows<T>(RepurchDb db, FormattableString where) where T : class
    {
        var table = db.Model.FindEntityType(typeof(T))!.GetTableName();
        return db.Set<T>().FromSql(FormattableStringFactory.Create(
            $"SELECT * FROM \"{table}\" WHERE {where.Format} FOR UPDATE", where.GetArguments()));
    }

    /// <summary>
    /// Locks the context's brand row (<c>FOR NO KEY UPDATE</c>): serialises a brand's changes that must
    /// see each other's result, such as a cap on a count or a one-default rule across rows. Not
    /// <c>FOR UPDATE</c>: that mode also blocks every insert whose foreign key names the brand (their
    /// <c>FOR KEY SHARE</c> check), which would stall all of the brand's writes behind this one.
    /// </summary>
    public static async Task LockBrandAsync(RepurchDb db, CancellationToken ct)
    {
        var brandId = db.BrandId ?? throw new InvalidOperationException("A brand lock needs a context with a brand.");
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM brands WHERE id = {brandId} FOR NO KEY UPDATE", ct);
    }

    /// <summary>
    /// A transaction-scoped advisory lock on (<paramref name="purpose"/>, brand): serialises one kind
    /// of work of one brand where there is no row to lock, without blocking the brand's other writes.
    /// </summary>
    public static async Task LockAdvisoryAsync(RepurchDb db, string purpose, string brandId, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({purpose}), hashtext({brandId}))", ct);
}
