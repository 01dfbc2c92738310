using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Repurch.Api.Persistence;

/// <summary>
/// Puts the context's brand into the session setting <c>app.brand_id</c> each time EF opens a
/// connection. Npgsql resets pooled connections on close, so a connection never carries one
/// request's brand into the next.
/// </summary>
public sealed class BrandSessionInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (eventData.Context is RepurchDb { BrandId: { } brandId } db)
        {
            using var cmd = BrandSession.Command((NpgsqlConnection)connection, brandId, db.Marketplace);
            cmd.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is RepurchDb { BrandId: { } brandId } db)
        {
            await using var cmd = BrandSession.Command((NpgsqlConnection)connection, brandId, db.Marketplace);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

public static class BrandSession
{
    /// <param name="marketplace">Also turns on <c>app.marketplace</c>, which the read-only
    /// <c>marketplace_read</c> policy on listings asks for; same command, so still one round trip.</param>
    public static NpgsqlCommand Command(NpgsqlConnection connection, string brandId, bool marketplace = false)
    {
        var cmd = new NpgsqlCommand(marketplace
            ? "SELECT set_config('app.brand_id', $1, false), set_config('app.marketplace', 'on', false)"
            : "SELECT set_config('app.brand_id', $1, false)", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = brandId });
        return cmd;
    }
}
