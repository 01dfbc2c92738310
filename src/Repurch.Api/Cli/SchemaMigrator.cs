using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;

namespace Repurch.Api.Cli;

/// <summary>Applies the EF Core migrations to both planes, as the owner role (the app role owns nothing).</summary>
public static class SchemaMigrator
{
    /// <summary>Applies what is pending on each plane (nothing when the schema is current) and says so on <paramref name="log"/> (stderr by default).</summary>
    public static async Task MigrateAsync(IConfiguration config, TextWriter? log = null, CancellationToken ct = default)
    {
        log ??= Console.Error;
        foreach (var plane in Enum.GetValues<Plane>())
        {
            var options = new DbContextOptionsBuilder<RepurchDb>().UseNpgsql(MigratorConnection(config, plane)).UseSnakeCaseNamingConvention().Options;
            await using var db = new RepurchDb(options);
            await db.Database.MigrateAsync(ct);
            await log.WriteLineAsync($"migrated {plane.ToString().ToLowerInvariant()} plane");
        }
    }

    public static string MigratorConnection(IConfiguration config, Plane plane) => plane == Plane.Live
        ? ConnectionSettings.Optional(config, "REPURCH_MIGRATOR_DATABASE_URL") ?? ConnectionSettings.Required(config, "REPURCH_DATABASE_URL")
        : ConnectionSettings.Optional(config, "REPURCH_SANDBOX_MIGRATOR_DATABASE_URL")
            ?? ConnectionSettings.SandboxOf(MigratorConnection(config, Plane.Live));
}
