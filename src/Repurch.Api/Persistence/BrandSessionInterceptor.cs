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
