// Closed-loop HTTP load generator for the Repurch listings endpoints and the dashboard overview.
//
//   dotnet bench/LoadGen/bin/Release/net10.0/LoadGen.dll --url http://127.0.0.1:18099 \
//     --keys bench/out/keys.tsv --endpoint list|detail|patch|healthz [--concurrency 16] [--duration 20] [--warmup 3] [--idempotency 0|1]
//
// Each of --concurrency workers sends one request at a time (no pipelining, keep-alive
// connections, one per worker) for --warmup seconds that are not counted, then for --duration
// seconds that are. Every request picks a random brand's API key from the keys file
// (brand <TAB> key <TAB> first_id <TAB> last_id, written by bench/seed.sh); the detail endpoint
// also picks a random id inside that brand's range; patch sends PATCH {"description"} to a random listing the brand owns
// (with --idempotency 1 a fresh Idempotency-Key each); healthz (no auth, no database) measures the
// HTTP floor of the API and this client on the machine; overview-rest is one dashboard view as six
// REST calls in turn and overview-graphql the same view as one persisted GraphQL query (one sample each). It prints requests/s and latency percentiles,
// and a last line "RESULT key=value ..." for scripts. Only loopback targets are accepted, and the
// run is bounded: at most 600 s, each request at most 10 s.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Repurch.Bench.LoadGen;

internal static class Program
{
    private sealed record Target(string Brand, string Key, long FirstId, long LastId);

    private sealed class WorkerStats
    {
        public List<long> LatencyTicks { get; } = new(64 * 1024);
        public long Errors { get; set; }
        public long Bytes { get; set; }
        public Dictionary<int, long> Statuses { get; } = [];
        /// <summary>Every request this worker sent, warm-up included (to compare with server-side counters).</summary>
        public long Sent { get; set; }
        public string? FirstError { get; set; }
    }

    private static async Task<int> Main(string[] args)
    {
        Options o;
        try { o = Options.Parse(args); }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}\n{Options.Usage}");
            return 2;
        }

        var targets = File.ReadLines(o.KeysFile)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => new Target(p[0], p[1], long.Parse(p[2], CultureInfo.InvariantCulture), long.Parse(p[3], CultureInfo.InvariantCulture)))
            .ToArray();
        if (targets.Length == 0)
        {
            await Console.Error.WriteLineAsync($"error: no keys in {o.KeysFile} (run bench/seed.sh)");
            return 2;
        }

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = o.Concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { BaseAddress = o.Url, Timeout = TimeSpan.FromSeconds(10) };

        var clock = Stopwatch.StartNew();
        var measureFrom = TimeSpan.FromSeconds(o.WarmupSeconds);
        var stopAt = measureFrom + TimeSpan.FromSeconds(o.DurationSeconds);
        var stats = Enumerable.Range(0, o.Concurrency).Select(_ => new WorkerStats()).ToArray();
        var workers = Enumerable.Range(0, o.Concurrency)
            .Select(i => Task.Run(() => Worker(client, o, targets, stats[i], new Random(unchecked(o.Seed * 7919 + i)), clock, measureFrom, stopAt)))
            .ToArray();
        await Task.WhenAll(workers);
        var cpuMs = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        var measuredSeconds = Math.Min(clock.Elapsed.TotalSeconds, stopAt.TotalSeconds) - measureFrom.TotalSeconds;

        var all = stats.SelectMany(s => s.LatencyTicks).ToArray();
        Array.Sort(all);
        var errors = stats.Sum(s => s.Errors);
        var ok = all.Length - errors;
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double Pct(double p) => all.Length == 0 ? double.NaN : Ms(all[Math.Clamp((int)Math.Ceiling(p / 100 * all.Length) - 1, 0, all.Length - 1)]);
        var rps = all.Length / measuredSeconds;
        var statuses = stats.SelectMany(s => s.Statuses)
            .GroupBy(kv => kv.Key).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}:{g.Sum(kv => kv.Value)}");

        string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        var shown = o.Endpoint switch
        {
            "list" => $"GET /v1/listings?per_page={o.PerPage}",
            "detail" => "GET /v1/listings/{id}",
            "overview-rest" => $"a dashboard overview as {OverviewPaths.Length} REST calls in turn: {string.Join(", ", OverviewPaths)}",
            "overview-graphql" => "the same overview as one persisted GraphQL query (POST /graphql {\"id\": sha256})",
            "feed" => $"GET /v1/marketplace/listings?per_page={o.PerPage}: newest first, no search",
            "search" => $"GET /v1/marketplace/listings?per_page={o.PerPage}&q=<one of {SearchTerms.Length} terms>",
            "search-facets" => $"GET /v1/marketplace/listings?per_page={o.PerPage}&facets=true&q=<one of {SearchTerms.Length} terms>",
            "patch" => o.Idempotency ? "PATCH /v1/listings/{id} with a new Idempotency-Key each" : "PATCH /v1/listings/{id}, no Idempotency-Key",
            _ => "GET /healthz, no database: the HTTP floor",
        };
        Console.WriteLine($"endpoint     {o.Endpoint} ({shown}), {targets.Length} brands");
        Console.WriteLine($"concurrency  {o.Concurrency}, warm-up {o.WarmupSeconds} s, measured {F(measuredSeconds)} s");
        Console.WriteLine($"requests     {all.Length} ({ok} ok, {errors} errors; status {string.Join(' ', statuses)})");
        Console.WriteLine($"throughput   {F(rps)} req/s, {F(stats.Sum(s => s.Bytes) / Math.Max(1, all.Length) / 1024.0)} KiB per response");
        Console.WriteLine($"latency ms   p50 {F(Pct(50))}  p90 {F(Pct(90))}  p99 {F(Pct(99))}  p99.9 {F(Pct(99.9))}  max {F(all.Length == 0 ? double.NaN : Ms(all[^1]))}");
        Console.WriteLine($"load gen     {stats.Sum(s => s.Sent)} requests sent in all (warm-up included), {F(cpuMs)} ms of its own CPU");
        if (stats.FirstOrDefault(s => s.FirstError is not null)?.FirstError is { } firstError)
            Console.WriteLine($"first error  {firstError}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT endpoint={o.Endpoint} concurrency={o.Concurrency} seconds={F(measuredSeconds)} requests={all.Length} errors={errors} rps={F(rps)} p50_ms={F(Pct(50))} p90_ms={F(Pct(90))} p99_ms={F(Pct(99))} max_ms={F(all.Length == 0 ? double.NaN : Ms(all[^1]))} sent={stats.Sum(s => s.Sent)} cpu_ms={F(cpuMs)}"));
        return errors == 0 ? 0 : 1;
    }

    private static async Task Worker(HttpClient client, Options o, Target[] targets, WorkerStats stats, Random rng,
        Stopwatch clock, TimeSpan measureFrom, TimeSpan stopAt)
    {
        var buffer = new byte[64 * 1024];
        var listPath = $"/v1/listings?per_page={o.PerPage}";
        while (clock.Elapsed < stopAt)
        {
            var t = targets[rng.Next(targets.Length)];
            var started = Stopwatch.GetTimestamp();
            var (status, bytes, error) = o.Endpoint switch
            {
                "overview-rest" => await RestOverview(client, t, buffer),
                "overview-graphql" => await GraphQLOverview(client, t, o.GraphQLBody!),
                _ => await Send(client, o.Endpoint == "patch" ? HttpMethod.Patch : HttpMethod.Get, o.Endpoint switch
                {
                    "list" => listPath,
                    "feed" => $"/v1/marketplace/listings?per_page={o.PerPage}",
                    "search" or "search-facets" => $"/v1/marketplace/listings?per_page={o.PerPage}{(o.Endpoint == "search-facets" ? "&facets=true" : "")}&q="
                        + Uri.EscapeDataString(SearchTerms[rng.Next(SearchTerms.Length)]),
                    "detail" => "/v1/listings/" + rng.NextInt64(t.FirstId, t.LastId + 1).ToString(CultureInfo.InvariantCulture),
                    "patch" => "/v1/listings/" + BrandOwnedId(t, rng).ToString(CultureInfo.InvariantCulture),
                    _ => "/healthz",
                }, t, buffer,
                    o.Endpoint == "patch" ? $"{{\"description\":\"Bench edit {rng.Next(1_000_000)}\"}}" : null,
                    o.Endpoint == "patch" && o.Idempotency, o.Endpoint != "healthz"),
            };
            var ended = Stopwatch.GetTimestamp();
            stats.Sent++;

            // Count only requests that started inside the measured window.
            var startedAt = clock.Elapsed - Stopwatch.GetElapsedTime(started, ended);
            if (startedAt < measureFrom) continue;
            stats.LatencyTicks.Add(ended - started);
            stats.Bytes += bytes;
            stats.Statuses[status] = stats.Statuses.GetValueOrDefault(status) + 1;
            if (error is not null)
            {
                stats.Errors++;
                stats.FirstError ??= error;
            }
        }
    }

    /// <summary>
    /// What a partner dashboard's overview page asks REST for, one call after another (the calls the
    /// persisted GraphQL query dashboard-overview.graphql replaces): one view is one sample.
    /// </summary>
    /// <summary>
    /// What buyers type, over bench/sql/seed_brand.sql's titles (style, colour, fabric, kind): a style
    /// (1 in 12 listings), two and three words that narrow, a broad word, a description word, a
    /// manufacturer, a typo that takes the fuzzy second try, and a word nothing has.
    /// </summary>
    internal static readonly string[] SearchTerms =
    [
        "kensington", "grey velvet", "navy leather corner sofa", "linen armchair", "sofa bed", "boucle footstool",
        "chenille", "delivered", "loaf", "harlw", "wardrobe", "marlow cream",
    ];

    internal static readonly string[] OverviewPaths =
    [
        "/v1/listings?status=active&per_page=10", "/v1/orders?per_page=10", "/v1/payouts?per_page=10",
        "/v1/credits?per_page=10", "/v1/webhooks/endpoints", "/v1/partner/usage",
    ];

    private static async Task<(int Status, long Bytes, string? Error)> RestOverview(HttpClient client, Target t, byte[] buffer)
    {
        long total = 0;
        foreach (var path in OverviewPaths)
        {
            var (status, bytes, error) = await Send(client, HttpMethod.Get, path, t, buffer);
            total += bytes;
            if (error is not null) return (status, total, error);
        }
        return (200, total, null);
    }

    /// <summary>The same overview as one persisted GraphQL query; an answer with <c>errors</c> is an error.</summary>
    private static async Task<(int Status, long Bytes, string? Error)> GraphQLOverview(HttpClient client, Target t, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t.Key);
        try
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var failed = status != 200 || text.Contains("\"errors\":", StringComparison.Ordinal);
            return (status, text.Length, failed ? $"/graphql as {t.Brand}: HTTP {status} {text[..Math.Min(300, text.Length)]}" : null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (0, 0, $"/graphql as {t.Brand}: {e.GetType().Name}: {e.Message}");
        }
    }

    private static async Task<(int Status, long Bytes, string? Error)> Send(HttpClient client, HttpMethod method, string path, Target t, byte[] buffer,
        string? json = null, bool idempotencyKey = false, bool authenticate = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        if (idempotencyKey) request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        // healthz goes without a key: with one, authentication would look it up in the database.
        if (authenticate) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t.Key);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            long bytes = 0;
            int n;
            while ((n = await body.ReadAsync(buffer)) > 0) bytes += n;
            var status = (int)response.StatusCode;
            return (status, bytes, status == 200 ? null : $"{path} as {t.Brand}: HTTP {status}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (0, 0, $"{path} as {t.Brand}: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>A listing the brand owns: bench/seed.sh makes every eighth one (i % 8 = 5) a consumer trade-in, which a brand may not modify.</summary>
    private static long BrandOwnedId(Target t, Random rng)
    {
        while (true)
        {
            var id = rng.NextInt64(t.FirstId, t.LastId + 1);
            if ((id - t.FirstId + 1) % 8 != 5) return id;
        }
    }

    private sealed class Options
    {
        public const string Usage =
            "usage: LoadGen --url http://127.0.0.1:PORT --keys bench/out/keys.tsv --endpoint list|detail|patch|healthz|overview-rest|overview-graphql|feed|search|search-facets\n" +
            "               [--concurrency 16] [--duration 20] [--warmup 3] [--per-page 20] [--seed 1] [--idempotency 0|1]\n" +
            "               [--graphql-query src/Repurch.Api/Features/GraphQL/PersistedQueries/dashboard-overview.graphql]";

        public required Uri Url { get; init; }
        public required string KeysFile { get; init; }
        public required string Endpoint { get; init; }
        public int Concurrency { get; init; } = 16;
        public int DurationSeconds { get; init; } = 20;
        public int WarmupSeconds { get; init; } = 3;
        public int PerPage { get; init; } = 20;
        public int Seed { get; init; } = 1;
        /// <summary>Send a fresh Idempotency-Key with every mutation (patch).</summary>
        public bool Idempotency { get; init; }
        /// <summary>The persisted-query request for overview-graphql: the SHA-256 of the query file's text.</summary>
        public string? GraphQLBody { get; init; }

        public static Options Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                    throw new ArgumentException($"unexpected argument '{args[i]}'");
                values[args[i][2..]] = args[++i];
            }
            string? Get(string name) => values.Remove(name, out var v) ? v : null;
            int Int(string name, int fallback, int min, int max)
            {
                var raw = Get(name);
                if (raw is null) return fallback;
                if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
                    throw new ArgumentException($"--{name} must be an integer from {min} to {max}");
                return v;
            }

            var url = new Uri(Get("url") ?? "http://127.0.0.1:18099");
            // Load goes to this machine only.
            var loopback = url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback || url.Scheme != Uri.UriSchemeHttp) throw new ArgumentException("--url must be http:// on a loopback address (127.0.0.1, localhost, [::1])");
            var endpoint = Get("endpoint") ?? "list";
            if (endpoint is not ("list" or "detail" or "patch" or "healthz" or "overview-rest" or "overview-graphql" or "feed" or "search" or "search-facets"))
                throw new ArgumentException("--endpoint must be list, detail, patch, healthz, overview-rest, overview-graphql, feed, search or search-facets");
            var queryFile = Get("graphql-query") ?? "src/Repurch.Api/Features/GraphQL/PersistedQueries/dashboard-overview.graphql";
            string? graphQLBody = null;
            if (endpoint == "overview-graphql")
            {
                if (!File.Exists(queryFile)) throw new ArgumentException($"--graphql-query {queryFile} does not exist");
                var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(queryFile)));
                graphQLBody = $"{{\"id\":\"{hash}\"}}";
            }
            var o = new Options
            {
                Url = url,
                KeysFile = Get("keys") ?? "bench/out/keys.tsv",
                Endpoint = endpoint,
                Concurrency = Int("concurrency", 16, 1, 256),
                DurationSeconds = Int("duration", 20, 1, 600),
                WarmupSeconds = Int("warmup", 3, 0, 120),
                PerPage = Int("per-page", 20, 1, 100),
                Seed = Int("seed", 1, 0, int.MaxValue),
                Idempotency = Int("idempotency", 0, 0, 1) == 1,
                GraphQLBody = graphQLBody,
            };
            if (values.Count > 0) throw new ArgumentException($"unknown option --{values.Keys.First()}");
            return o;
        }
    }
}
