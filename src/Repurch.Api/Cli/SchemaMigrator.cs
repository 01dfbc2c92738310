using Microsoft.EntityFrameworkCore;
using Repurch.Api.Configuration;
using Repurch.Api.Persistence;

namespace Repurch.Api.Cli;

/// <summary>Applies the EF Core migrations to both planes, as the owner role (the app role owns nothing).</summary>
public static class SchemaMigrator
{
    /// <summary>Applies what is pending on each plane (nothing when the schema is current) and says so on <paramref name="log"/> (stderr by default).</summary>
    public static async Task MigrateAsync(IConfiguration config, TextWriter? log = null, CancellationToken ct = default)
    {
        log ??= Console.Error;
        var databases = BoundOptions.Bind<DatabaseOptions>(config);
        foreach (var plane in Enum.GetValues<Plane>())
        {
            var options = new DbContextOptionsBuilder<RepurchDb>().UseNpgsql(databases.MigratorFor(plane)).UseSnakeCaseNamingConvention().Options;
            await using var db = new RepurchDb(options);
            await db.Database.MigrateAsync(ct);
            await log.WriteLineAsync($"migrated {plane.ToString().ToLowerInvariant()} plane");
        }
    }
}
