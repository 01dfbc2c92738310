using Microsoft.Extensions.Options;

namespace Repurch.Api.Observability;

/// <summary>Flushes <see cref="UsageRecorder"/> every <c>Usage:FlushIntervalMs</c> (default 5000) and once more on shutdown.</summary>
public sealed class UsageFlusher(UsageRecorder recorder, IOptions<ObservabilityOptions> options, ILogger<UsageFlusher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(100, options.Value.UsageFlushIntervalMs));
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        try
        {
            await recorder.FlushAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Request usage flush failed");
        }
    }
}
