using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Repurch.Api.Cli;
using Repurch.Api.Persistence;

namespace Repurch.Api.Tests.Infrastructure;

/// <summary>
/// One API host for the whole run, on the PostgreSQL databases that ./test provisions. Tests
/// isolate themselves by creating their own brands, never by creating databases.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private static readonly Lazy<ApiFactory> SharedFactory = new(() => new ApiFactory());
    private static readonly SemaphoreSlim MigrateLock = new(1, 1);
    private static bool _migrated;

    public static ApiFactory Shared => SharedFactory.Value;

    public static IConfiguration Configuration { get; } = new ConfigurationBuilder().AddEnvironmentVariables().Build();

    public DataPlanes Planes => Services.GetRequiredService<DataPlanes>();

    public static async Task EnsureMigratedAsync()
    {
        if (_migrated) return;
        await MigrateLock.WaitAsync();
        try
        {
            if (string.IsNullOrEmpty(Configuration["REPURCH_DATABASE_URL"]))
                throw new InvalidOperationException("REPURCH_DATABASE_URL is not set: run the suite with ./test, which provisions PostgreSQL.");
            if (!_migrated) await OperatorCli.MigrateAsync(Configuration);
            _migrated = true;
        }
        finally
        {
            MigrateLock.Release();
        }
    }

    public HttpClient ClientWith(string? bearer)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }
}

/// <summary>Base for tests: migrates once and hands out fresh brands.</summary>
public abstract class ApiTest : IAsyncLifetime
{
    protected ApiFactory Api => ApiFactory.Shared;

    public virtual Task InitializeAsync() => ApiFactory.EnsureMigratedAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected Task<TestBrand> NewBrandAsync() => TestBrand.CreateAsync(Api.Planes);
}
