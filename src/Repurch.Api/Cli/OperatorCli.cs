using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Persistence;
using Repurch.Api.Storage;

namespace Repurch.Api.Cli;

/// <summary>Operator commands of the same binary: <c>./run migrate</c>, <c>./run seed</c>, <c>./run keys create …</c>.</summary>
public static class OperatorCli
{
    private static readonly string[] Commands = ["migrate", "seed", "keys", "brands", "help", "--help"];

    public static bool Handles(string first) => Commands.Contains(first);

    public static async Task<int> RunAsync(string[] args)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        try
        {
            return args switch
            {
                ["migrate", ..] => await MigrateAsync(config),
                ["seed", ..] => await SeedAsync(config),
                ["keys", "create", .. var rest] => await CreateKeyAsync(config, Options.Parse(rest)),
                ["brands", "create", .. var rest] => await CreateBrandAsync(config, Options.Parse(rest)),
                _ => Usage(),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage:
              ./run                      serve the API (migrates and seeds first)
              ./run migrate              apply database migrations to the live and sandbox planes
              ./run seed                 add the demo brands and listings (idempotent)
              ./run brands create --id <brand_id> --name <name> [--marketplace]
              ./run keys create --brand <brand_id> --role admin|member|marketplace --scopes read,write [--sandbox] [--name NAME]
            """);
        return 2;
    }

    public static async Task<int> MigrateAsync(IConfiguration config)
    {
        foreach (var plane in Enum.GetValues<Plane>())
        {
            var cs = MigratorConnection(config, plane);
            var options = new DbContextOptionsBuilder<RepurchDb>().UseNpgsql(cs).UseSnakeCaseNamingConvention().Options;
            await using var db = new RepurchDb(options);
            await db.Database.MigrateAsync();
            Console.Error.WriteLine($"migrated {plane.ToString().ToLowerInvariant()} plane");
        }
        return 0;
    }

    public static string MigratorConnection(IConfiguration config, Plane plane) => plane == Plane.Live
        ? ConnectionSettings.Optional(config, "REPURCH_MIGRATOR_DATABASE_URL") ?? ConnectionSettings.Required(config, "REPURCH_DATABASE_URL")
        : ConnectionSettings.Optional(config, "REPURCH_SANDBOX_MIGRATOR_DATABASE_URL")
            ?? ConnectionSettings.SandboxOf(MigratorConnection(config, Plane.Live));

    private static async Task<int> SeedAsync(IConfiguration config)
    {
        await using var planes = new DataPlanes(config);
        // The store and URLs the served app uses: ./run starts it from the same directory, and with the
        // local store its /media/ is on http://127.0.0.1:$PORT (set REPURCH_MEDIA_BASE_URL when it is not).
        var storage = StorageOptions.From(config, Directory.GetCurrentDirectory());
        var store = ObjectStoreSetup.Create(storage);
        try
        {
            var mediaBaseUrl = MediaUrls.BaseUrl(storage, store, $"http://127.0.0.1:{config["PORT"] ?? "8080"}");
            var printed = await DemoSeed.RunAsync(planes, store, mediaBaseUrl, Console.Out);
            if (!printed) Console.Error.WriteLine("demo data already present");
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
        return 0;
    }

    private static async Task<int> CreateBrandAsync(IConfiguration config, Options o)
    {
        var id = o.Require("id");
        if (!BrandIds.IsValid(id)) throw new UsageException("--id must be 2-64 characters of a-z, 0-9 and '-'");
        await using var planes = new DataPlanes(config);
        foreach (var plane in Enum.GetValues<Plane>())
        {
            await using var db = planes.Open(plane, id);
            if (!await db.Brands.AnyAsync())
            {
                db.Brands.Add(new Brand { Id = id, Name = o.Get("name") ?? id, IsMarketplace = o.Flag("marketplace"), CreatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }
        }
        Console.WriteLine(id);
        return 0;
    }

    private static async Task<int> CreateKeyAsync(IConfiguration config, Options o)
    {
        var brand = o.Require("brand");
        var role = o.Require("role");
        if (!Roles.All.Contains(role)) throw new UsageException($"--role must be one of {string.Join(", ", Roles.All)}");
        var scopes = (o.Get("scopes") ?? "read").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (scopes.Length == 0 || scopes.Any(s => !Authentication.Scopes.All.Contains(s))) throw new UsageException("--scopes must be a comma-separated list of read, write");
        var plane = o.Flag("sandbox") ? Plane.Sandbox : Plane.Live;

        await using var planes = new DataPlanes(config);
        await using var db = planes.Open(plane, brand);
        if (!await db.Brands.AnyAsync()) throw new UsageException($"brand '{brand}' does not exist on the {plane.ToString().ToLowerInvariant()} plane (create it with ./run brands create)");
        var key = await ApiKeyIssuer.CreateAsync(db, brand, plane, role, scopes.Distinct().ToArray(), o.Get("name"));
        Console.Error.WriteLine($"created {(plane == Plane.Sandbox ? "sandbox" : "live")} {role} key for {brand} (shown once):");
        Console.WriteLine(key);
        return 0;
    }

    private sealed class Options
    {
        private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

        public static Options Parse(string[] args)
        {
            var o = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"unexpected argument '{args[i]}'");
                var name = args[i][2..];
                var eq = name.IndexOf('=');
                if (eq >= 0) { o._values[name[..eq]] = name[(eq + 1)..]; continue; }
                if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) o._values[name] = args[++i];
                else o._values[name] = null;
            }
            return o;
        }

        public string? Get(string name) => _values.GetValueOrDefault(name);
        public bool Flag(string name) => _values.ContainsKey(name);
        public string Require(string name) => Get(name) is { Length: > 0 } v ? v : throw new UsageException($"--{name} is required");
    }
}

public sealed class UsageException(string message) : Exception(message);

public static class BrandIds
{
    public static bool IsValid(string id) =>
        id.Length is >= 2 and <= 64 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}

public static class ApiKeyIssuer
{
    /// <summary>Stores a new key (hashed) for the context's brand and returns the secret, which is never stored.</summary>
    public static async Task<string> CreateAsync(RepurchDb db, string brandId, Plane plane, string role, string[] scopes, string? name, CancellationToken ct = default)
    {
        var key = Secrets.NewApiKey(plane);
        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.NewGuid(),
            BrandId = brandId,
            Prefix = Secrets.DisplayPrefix(key),
            SecretHash = Secrets.Hash(key),
            Role = role,
            Scopes = scopes,
            Name = name,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(ct);
        return key;
    }
}
