using Npgsql;
using Repurch.Api.Configuration;

namespace Repurch.Api.Persistence;

/// <summary>
/// The planes' connections: <c>REPURCH_DATABASE_URL</c> (required), <c>REPURCH_SANDBOX_DATABASE_URL</c>
/// (default: the live database name + <c>_sandbox</c>) and the owner connections <c>migrate</c> uses,
/// <c>REPURCH_MIGRATOR_DATABASE_URL</c> and <c>REPURCH_SANDBOX_MIGRATOR_DATABASE_URL</c> (default: the app's).
/// Npgsql key=value strings or <c>postgres://</c> URLs; stored normalized to key=value.
/// </summary>
public sealed class DatabaseOptions : BoundOptions
{
    public const string LiveSetting = "REPURCH_DATABASE_URL";
    public const string SandboxSetting = "REPURCH_SANDBOX_DATABASE_URL";
    public const string MigratorSetting = "REPURCH_MIGRATOR_DATABASE_URL";
    public const string SandboxMigratorSetting = "REPURCH_SANDBOX_MIGRATOR_DATABASE_URL";

    public string Live { get; set; } = "";
    public string Sandbox { get; set; } = "";
    public string Migrator { get; set; } = "";
    public string SandboxMigrator { get; set; } = "";

    public string For(Plane plane) => plane == Plane.Sandbox ? Sandbox : Live;

    public string MigratorFor(Plane plane) => plane == Plane.Sandbox ? SandboxMigrator : Migrator;

    protected override void Load(IConfiguration config)
    {
        if (Read(config, LiveSetting) is not { } live)
        {
            if (Text(config, LiveSetting) is null)
                Unreadable($"{LiveSetting} is not set. Use ./run (which starts a local PostgreSQL) or set it to a connection string.");
            return;
        }
        Live = live;
        Sandbox = Read(config, SandboxSetting) ?? ConnectionSettings.SandboxOf(live);
        Migrator = Read(config, MigratorSetting) ?? live;
        SandboxMigrator = Read(config, SandboxMigratorSetting) ?? ConnectionSettings.SandboxOf(Migrator);
    }

    private string? Read(IConfiguration config, string name)
    {
        if (Text(config, name) is not { } value) return null;
        try
        {
            var normalized = ConnectionSettings.Normalize(value);
            _ = new NpgsqlConnectionStringBuilder(normalized);
            return normalized;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The value holds a password: name the setting, never echo it.
            Unreadable($"{name} is not a valid connection string or postgres:// URL ({e.Message.Split('\n')[0].TrimEnd('.')}).");
            return null;
        }
    }
}
