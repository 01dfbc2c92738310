using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Repurch.Api.Persistence;

/// <summary>
/// Puts the context's brand into the session setting <c>app.brand_id</c> each time EF opens a
/// connection. A context without a brand clears the setting instead of trusting the pool: Npgsql
/// resets pooled connections on close, but a context must fail closed even if that reset is ever
/// switched off (<c>No Reset On Close</c>) or a connection is handed in from elsewhere.
/// </summary>
public sealed class BrandSessionInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (eventData.Context is RepurchDb db)
        {
            using var cmd = BrandSession.Command((NpgsqlConnection)connection, db.BrandId, db.Marketplace);
            cmd.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is RepurchDb db)
        {
            await using var cmd = BrandSession.Command((NpgsqlConnection)connection, db.BrandId, db.Marketplace);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

public static class BrandSession
{
    /// <summary>
    /// Sets the session's brand, or clears it when <paramref name="brandId"/> is null. Cleared is the
    /// empty string, which no row's <c>brand_id</c> equals, so every tenant table reads as empty.
    /// <paramref name="marketplace"/> switches the session to the <c>repurch_marketplace</c> role, the
    /// only one the read-only <c>marketplace_read</c> policy on listings applies to.
    /// One command, so one round trip.
    /// </summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, string? brandId, bool marketplace = false)
    {
        // The marketplace reads as the repurch_marketplace role (its own read-only policy); every other
        // context is the app role itself ('none' is RESET ROLE).
        var cmd = new NpgsqlCommand("SELECT set_config('app.brand_id', $1, false), set_config('role', $2, false)", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = brandId ?? "" });
        cmd.Parameters.Add(new NpgsqlParameter { Value = marketplace ? "repurch_marketplace" : "none" });
        return cmd;
    }
}
