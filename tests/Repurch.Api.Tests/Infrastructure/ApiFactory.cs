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
            if (!_migrated) await SchemaMigrator.MigrateAsync(Configuration);
            _migrated = true;
        }
        finally
        {
            MigrateLock.Release();
        }
    }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        // Webhook receivers in tests listen on loopback; retries and the disable window are shrunk to seconds.
        builder.UseSetting("REPURCH_WEBHOOK_ALLOW_HOSTS", "127.0.0.1");
        builder.UseSetting("Webhooks:RetrySchedule:0", "00:00:00.300");
        builder.UseSetting("Webhooks:RetrySchedule:1", "00:00:00.600");
        builder.UseSetting("Webhooks:RetrySchedule:2", "00:00:01.200");
        builder.UseSetting("Webhooks:RetrySchedule:3", "00:00:02.400");
        builder.UseSetting("Webhooks:DisableAfter", "00:00:15");
        builder.UseSetting("Webhooks:PollInterval", "00:00:00.200");
        builder.UseSetting("Webhooks:Timeout", "00:00:02");
        builder.ConfigureServices(s => s.AddSingleton<Repurch.Api.EventDelivery.IWebhookDns, RebindingDns>());
        builder.ConfigureServices(s => s.AddSingleton<Repurch.Api.Features.Settings.IDomainTxtLookup, TestTxtRecords>());
    }

    /// <summary>Names under <c>rebind.test</c> resolve to loopback, as a DNS-rebinding attacker's would; the rest is real DNS.</summary>
    private sealed class RebindingDns : Repurch.Api.EventDelivery.IWebhookDns
    {
        public Task<System.Net.IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
            host.EndsWith(".rebind.test", StringComparison.OrdinalIgnoreCase)
                ? Task.FromResult(new[] { System.Net.IPAddress.Loopback })
                : System.Net.Dns.GetHostAddressesAsync(host, ct);
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
