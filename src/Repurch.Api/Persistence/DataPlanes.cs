using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Repurch.Api.Configuration;

namespace Repurch.Api.Persistence;

/// <summary>
/// A data plane is a database. Live and sandbox keys resolve to different planes, so a
/// sandbox key can never reach live data.
/// </summary>
public enum Plane { Live, Sandbox }

public sealed class DataPlanes : IAsyncDisposable
{
    private readonly NpgsqlDataSource _live;
    private readonly NpgsqlDataSource _sandbox;
    private static readonly BrandSessionInterceptor Interceptor = new();
    // Built once per plane: options are immutable and EF caches its services by them.
    private readonly Lazy<DbContextOptions<RepurchDb>> _liveOptions;
    private readonly Lazy<DbContextOptions<RepurchDb>> _sandboxOptions;

    public DataPlanes(IOptions<DatabaseOptions> options)
    {
        _live = Build(options.Value.Live);
        _sandbox = Build(options.Value.Sandbox);
        _liveOptions = new(() => BuildOptions(Plane.Live));
        _sandboxOptions = new(() => BuildOptions(Plane.Sandbox));
    }

    /// <summary>For code outside DI (the operator CLI): the same settings, read and checked by <see cref="DatabaseOptions"/>.</summary>
    public DataPlanes(IConfiguration config)
        : this(Microsoft.Extensions.Options.Options.Create(BoundOptions.Bind<DatabaseOptions>(config)))
    {
    }

    private static NpgsqlDataSource Build(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = 100,
            ApplicationName = "repurch-api",
        };
        return new NpgsqlDataSourceBuilder(csb.ConnectionString).Build();
    }

    public NpgsqlDataSource For(Plane plane) => plane == Plane.Sandbox ? _sandbox : _live;

    /// <summary>A context on <paramref name="plane"/> that sees only <paramref name="brandId"/>'s rows.</summary>
    public RepurchDb Open(Plane plane, string? brandId) =>
        new(plane == Plane.Sandbox ? _sandboxOptions.Value : _liveOptions.Value) { BrandId = brandId, Plane = plane };

    private DbContextOptions<RepurchDb> BuildOptions(Plane plane)
    {
        var options = new DbContextOptionsBuilder<RepurchDb>();
        Configure(options, For(plane));
        return options.Options;
    }

    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(Interceptor)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    public async ValueTask DisposeAsync()
    {
        await _live.DisposeAsync();
        await _sandbox.DisposeAsync();
    }
}

public static class ConnectionSettings
{
    public static string Required(IConfiguration config, string name) =>
        Optional(config, name) ?? throw new StartupException(
            $"{name} is not set. Use ./run (which starts a local PostgreSQL) or set it to a connection string.");

    public static string? Optional(IConfiguration config, string name)
    {
        var value = config[name];
        return string.IsNullOrWhiteSpace(value) ? null : Normalize(value);
    }

    /// <summary>Accepts both Npgsql key=value strings and postgres:// URLs.</summary>
    public static string Normalize(string value)
    {
        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }
        var uri = new Uri(value);
        var csb = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0) csb.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length > 1) csb.Password = Uri.UnescapeDataString(userInfo[1]);
        return csb.ConnectionString;
    }

    public static string SandboxOf(string live)
    {
        var csb = new NpgsqlConnectionStringBuilder(live);
        csb.Database = $"{csb.Database}_sandbox";
        return csb.ConnectionString;
    }
}

/// <summary>A missing or wrong setting: printed as one line, not a stack trace.</summary>
public sealed class StartupException(string message) : Exception(message);
