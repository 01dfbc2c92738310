namespace Repurch.Api.Features.Bulk;

/// <summary>Wakes the workers when this node queued a job (they poll anyway, for jobs queued elsewhere).</summary>
public sealed class BulkJobSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Notify()
    {
        if (_signal.CurrentCount < 4) _signal.Release();
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}
