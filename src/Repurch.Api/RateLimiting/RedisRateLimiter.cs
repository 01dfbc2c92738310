using System.Globalization;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Repurch.Api.RateLimiting;

/// <summary>
/// Token buckets shared by every node through Redis (<c>REPURCH_REDIS_URL</c>): one hash per bucket,
/// keyed <c>rl:{env}:{brand}</c>, updated by one atomic Lua script that uses the Redis clock. The
/// queue is a reservation: a request may take a token ahead of time (the bucket goes negative, at
/// most by the queue limit) and then waits for it, so waiting is fair across nodes.
/// </summary>
public sealed class RedisRateLimiter(string url, ILogger<RedisRateLimiter> logger) : IAsyncDisposable
{
    // KEYS[1] bucket; ARGV: rate (tokens/s), burst, queue limit, max wait (ms).
    // Returns {allowed (0/1), tokens left (string), wait (ms): before proceeding if allowed, before retrying if not}.
    internal const string Script = """
        local rate = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local queue = tonumber(ARGV[3])
        local maxwait = tonumber(ARGV[4])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
        local tokens = tonumber(b[1])
        local ts = tonumber(b[2])
        if tokens == nil or ts == nil then tokens = burst; ts = now end
        tokens = math.min(burst, tokens + math.max(0, now - ts) * rate / 1000)
        local allowed = 0
        local wait = 0
        if tokens >= 1 then
          tokens = tokens - 1
          allowed = 1
        else
          wait = math.ceil((1 - tokens) * 1000 / rate)
          if queue > 0 and tokens - 1 >= -queue and wait <= maxwait then
            tokens = tokens - 1
            allowed = 1
          end
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
        redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
        return {allowed, tostring(tokens), wait}
        """;

    // Parsed now, so a malformed REPURCH_REDIS_URL stops the node at startup rather than failing requests.
    private readonly ConfigurationOptions _options = Options(url);
    private Lazy<Task<ConnectionMultiplexer>>? _connection;

    private Lazy<Task<ConnectionMultiplexer>> Connection => _connection ??= new(() => ConnectionMultiplexer.ConnectAsync(_options));

    internal static ConfigurationOptions Options(string url)
    {
        ConfigurationOptions options;
        if (url.StartsWith("unix://", StringComparison.OrdinalIgnoreCase))
        {
            // unix:///abs/path/redis.sock: a server private to whoever may open the socket (./run's own).
            var path = Uri.UnescapeDataString(url["unix://".Length..]);
            if (!path.StartsWith('/')) throw new Persistence.StartupException($"REPURCH_REDIS_URL: '{url}' must name an absolute socket path, as in unix:///var/run/redis/redis.sock.");
            options = new ConfigurationOptions();
            options.EndPoints.Add(new UnixDomainSocketEndPoint(path));
        }
        else if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "redis" || uri.Scheme == "rediss"))
        {
            options = new ConfigurationOptions { Ssl = uri.Scheme == "rediss" };
            options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? 6379 : uri.Port);
            if (uri.UserInfo is { Length: > 0 } info)
            {
                var parts = Uri.UnescapeDataString(info).Split(':', 2);
                if (parts.Length == 2) { if (parts[0].Length > 0) options.User = parts[0]; options.Password = parts[1]; }
                else options.Password = parts[0];
            }
            if (uri.AbsolutePath.Trim('/') is { Length: > 0 } db && int.TryParse(db, out var index)) options.DefaultDatabase = index;
        }
        else
        {
            options = ConfigurationOptions.Parse(url);
        }
        // Never hold a request long for Redis: a slow or absent server means the local fallback.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 1000;
        options.AsyncTimeout = 500;
        options.SyncTimeout = 500;
        options.ConnectRetry = 1;
        // While disconnected, fail at once instead of queueing commands until they time out.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }

    /// <summary>Draws a token from the shared bucket. Throws <see cref="RedisException"/> or <see cref="TimeoutException"/> when Redis cannot answer.</summary>
    public async Task<RateLimitDecision> AcquireAsync(RateLimitKey key, CancellationToken cancellationToken)
    {
        var policy = key.Policy;
        var redis = await Connection.Value;
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, [(RedisKey)("rl:" + key.Bucket)],
        [
            policy.PermitsPerSecond.ToString(CultureInfo.InvariantCulture),
            policy.Burst,
            policy.QueueLimit,
            (long)policy.MaxQueueWait.TotalMilliseconds,
        ]))!;
        var allowed = (long)result[0] == 1;
        var tokens = double.Parse((string)result[1]!, NumberStyles.Float, CultureInfo.InvariantCulture);
        var waitMs = (long)result[2];
        if (allowed)
        {
            if (waitMs > 0) await Task.Delay(TimeSpan.FromMilliseconds(waitMs), cancellationToken);
            return new RateLimitDecision(true, Math.Max(0, Math.Floor(tokens)), 0);
        }
        return new RateLimitDecision(false, 0, Math.Max(1, (long)Math.Ceiling(waitMs / 1000.0)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not { IsValueCreated: true } connection) return;
        try { await (await connection.Value).DisposeAsync(); }
        catch (Exception e) when (e is RedisException or TimeoutException) { logger.LogDebug(e, "closing Redis"); }
    }
}
