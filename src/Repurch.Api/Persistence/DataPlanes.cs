using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Repurch.Api.Configuration;

namespace Repurch.Api.Persistence;

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
