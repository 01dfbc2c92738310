using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Repurch.Api.Persistence;

/// <summary>
/// A unit of work on a context that may already be inside a transaction (the one
/// <c>IdempotencyMiddleware</c> opens so a stored response commits with the change). Without an
/// outer transaction it is a plain transaction. Inside one it is a savepoint: <see cref="CommitAsync"/>
/// releases it and disposing without committing rolls back to it, so a handler that answers an
/// error by not committing still discards its work, while the outer transaction decides the rest.
/// </summary>
public sealed class WorkScope : IAsyncDisposable
{
    private readonly RepurchDb _db;
    private readonly IDbContextTransaction? _own;
    private readonly string? _savepoint;
    private bool _done;

    private WorkScope(RepurchDb db, IDbContextTransaction? own, string? savepoint)
    {
        _db = db;
        _own = own;
        _savepoint = savepoint;
    }

    internal static async Task<WorkScope> BeginAsync(RepurchDb db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } outer)
        {
            var name = $"repurch_work_{Guid.NewGuid():N}";
            await outer.CreateSavepointAsync(name, ct);
            return new WorkScope(db, null, name);
        }
        return new WorkScope(db, await db.Database.BeginTransactionAsync(ct), null);
    }

    public async Task CommitAsync(CancellationToken ct = default)
    {
        if (_own is not null)
        {
            await _own.CommitAsync(ct);
        }
        else
        {
            // Deferred constraints are checked now, as a commit of our own would have checked them,
            // so their violations still reach the handler rather than the outer commit.
            await _db.Database.ExecuteSqlRawAsync("SET CONSTRAINTS ALL IMMEDIATE", ct);
            await _db.Database.CurrentTransaction!.ReleaseSavepointAsync(_savepoint!, ct);
        }
        _done = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_own is not null)
        {
            await _own.DisposeAsync();
            return;
        }
        if (_done || _db.Database.CurrentTransaction is not { } outer) return;
        try
        {
            await outer.RollbackToSavepointAsync(_savepoint!);
        }
        catch (Exception)
        {
            // The outer transaction is broken (e.g. the connection died): it rolls back as a whole.
        }
    }
}
