using Microsoft.Extensions.Configuration;
using Repurch.Api.Configuration;
using Repurch.Api.Features.Money;
using Repurch.Api.Persistence;
using Repurch.Api.Storage;

namespace Repurch.Api.Tests.Configuration;

/// <summary>
/// The real API process with one wrong setting: it must stop at once, exit non-zero and say in one
/// line which setting is wrong and why (no stack trace, nothing served).
/// </summary>
[Collection(StartupProcesses.Name)]
public sealed class StartupSettingsTests
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("REPURCH_MARKETPLACE_URL", "sofalistic.co.uk", "REPURCH_MARKETPLACE_URL: 'sofalistic.co.uk' is not an absolute http or https URL.")]
    [InlineData("REPURCH_MEDIA_BASE_URL", "ftp://cdn.example.com", "REPURCH_MEDIA_BASE_URL: 'ftp://cdn.example.com' is not an absolute http or https URL.")]
    [InlineData("Money__AutoReleaseDays", "soon", "Money:AutoReleaseDays: 'soon' is not a valid number.")]
    [InlineData("Money__CodeGuessLimit", "0", "Money:CodeGuessLimit: 0 must be at least 1.")]
    [InlineData("BulkJobs__Workers", "two", "BulkJobs:Workers: 'two' is not a valid whole number.")]
    [InlineData("Usage__FlushIntervalMs", "5s", "Usage:FlushIntervalMs: '5s' is not a valid whole number.")]
    [InlineData("Webhooks__Timeout", "ten seconds", "Webhooks:Timeout: 'ten seconds' is not a valid duration (hh:mm:ss).")]
    [InlineData("Webhooks__MaxConcurrentAttempts", "0", "Webhooks:MaxConcurrentAttempts: 0 must be at least 1.")]
    [InlineData("RateLimits__Default__Burst", "lots", "RateLimits (RateLimits:Default:Burst): \"lots\" is not a number.")]
    [InlineData("REPURCH_METRICS_ALLOW", "10.0.0.0/8,metrics.example.com", "REPURCH_METRICS_ALLOW: 'metrics.example.com' is not an IP address or CIDR range.")]
    [InlineData("REPURCH_S3_ACCESS_KEY", "AKIAEXAMPLE", "REPURCH_S3_ACCESS_KEY is set but REPURCH_S3_BUCKET is not")]
    [InlineData("Payments__Provider", "stripe", "Payments:Provider must be fake or paypal, not 'stripe'.")]
    [InlineData("Payments__Provider", "paypal", "Payments:Provider is paypal but Payments:PayPal:ClientId or ClientSecret is not set.")]
    [InlineData("REPURCH_CODE_SECRET", "too-short", "REPURCH_CODE_SECRET must be at least 32 characters.")]
    [InlineData("REPURCH_DATABASE_URL", "postgres://[broken", "REPURCH_DATABASE_URL is not a valid connection string or postgres:// URL")]
    public async Task A_wrong_setting_stops_the_node_with_one_line_naming_it(string name, string value, string expected)
    {
        var run = await ApiStartup.RunAsync(new Dictionary<string, string> { [name] = value }, Quickly);

        Assert.False(run.Healthy);
        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(Lines(run.Output));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public async Task Outside_development_the_credit_code_secret_is_required()
    {
        var run = await ApiStartup.RunAsync(
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["REPURCH_CODE_SECRET"] = "" }, Quickly);

        Assert.False(run.Healthy);
        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(Lines(run.Output));
        Assert.StartsWith("error: REPURCH_CODE_SECRET is not set", line);
    }

    [Fact]
    public async Task Several_wrong_settings_are_reported_together()
    {
        var run = await ApiStartup.RunAsync(new Dictionary<string, string>
        {
            ["REPURCH_MARKETPLACE_URL"] = "nowhere",
            ["Money__SweepIntervalSeconds"] = "-1",
        }, Quickly);

        Assert.False(run.Healthy);
        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(Lines(run.Output));
        Assert.Contains("REPURCH_MARKETPLACE_URL", line);
        Assert.Contains("Money:SweepIntervalSeconds", line);
    }

    [Fact]
    public async Task The_defaults_start_and_so_does_production_with_its_secret()
    {
        Assert.True((await ApiStartup.RunAsync(new Dictionary<string, string>(), Quickly)).Healthy);
        Assert.True((await ApiStartup.RunAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["REPURCH_CODE_SECRET"] = "a-production-like-secret-of-40-characters",
        }, Quickly)).Healthy);
    }

    [Fact]
    public void Code_outside_the_host_reads_and_checks_the_same_settings_the_same_way()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Money:AutoReleaseDays"] = "3.5",
            ["REPURCH_STORAGE_DIR"] = "photos",
        }).Build();
        Assert.Equal(3.5, BoundOptions.Bind<MoneyOptions>(config).AutoReleaseDays);
        Assert.Equal("/srv/app/photos", StorageOptions.From(config, "/srv/app").LocalDirectory);

        var wrong = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Money:AutoReleaseDays"] = "soon" }).Build();
        var error = Assert.Throws<StartupException>(() => BoundOptions.Bind<MoneyOptions>(wrong));
        Assert.Equal("Money:AutoReleaseDays: 'soon' is not a valid number.", error.Message);
    }

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
