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
        if (eventData.Context is RepurchDb { BrandId: { } brandId })
        {
            using var cmd = BrandSession.Command((NpgsqlConnection)connection, brandId);
            cmd.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is RepurchDb { BrandId: { } brandId })
        {
            await using var cmd = BrandSession.Command((NpgsqlConnection)connection, brandId);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

public static class BrandSession
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, string brandId)
    {
        var cmd = new NpgsqlCommand("SELECT set_config('app.brand_id', $1, false)", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = brandId });
        return cmd;
    }
}
