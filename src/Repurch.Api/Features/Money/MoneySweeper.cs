using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

/// <summary>Releases escrow after the auto-release period and retries unsent payouts, on both planes.</summary>
public sealed class MoneySweeper(OrderFlows flows, MoneyOptions options, ILogger<MoneySweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.SweepIntervalSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var plane in Enum.GetValues<Plane>())
            {
                try
                {
                    await flows.SweepAsync(plane, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Money sweep on {Plane} failed; next tick retries", plane);
                }
            }
        }
    }
}
