namespace Repurch.Api.Authentication;

/// <summary>Throttles last-used writes to one a minute per key on this node.</summary>
public sealed class KeyUsage(TimeProvider clock)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTimeOffset> _recorded = new();

    public bool ShouldRecord(Guid keyId)
    {
        var now = clock.GetUtcNow();
        if (_recorded.TryGetValue(keyId, out var last) && now - last < TimeSpan.FromMinutes(1)) return false;
        _recorded[keyId] = now;
        return true;
    }
}
