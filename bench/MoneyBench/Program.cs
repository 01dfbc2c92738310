// Money benchmarks against a running API (bench/money.sh starts one):
//
//   dotnet bench/MoneyBench/bin/Release/net10.0/MoneyBench.dll --url http://127.0.0.1:18199 [--concurrency 16] [--codes 1000]
//
// Seeds a partner brand with --codes consumer trade-ins and a marketplace brand (through the app's
// data planes, REPURCH_DATABASE_URL), then measures over HTTP:
//   orders-distinct   POST /v1/marketplace/orders, each on its own listing (the trade-ins)
//   orders-hot        POST /v1/marketplace/orders, every worker on the same listing (one hot row)
//   redeem-distinct   POST /v1/codes/redeem, every request a different code (half the codes)
//   redeem-contended  POST /v1/codes/redeem, all workers race for each code in turn (the other half):
//                     one 200 and concurrency-1 409s per code
// Prints requests/s and latency percentiles per scenario, and a "RESULT" line each.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Repurch.Api.Auth;
using Repurch.Api.Cli;
using Repurch.Api.Persistence;

var url = Arg("--url") ?? "http://127.0.0.1:18199";
var concurrency = int.Parse(Arg("--concurrency") ?? "16", CultureInfo.InvariantCulture);
var codes = int.Parse(Arg("--codes") ?? "1000", CultureInfo.InvariantCulture);
if (!new Uri(url).IsLoopback) { Console.Error.WriteLine("error: only loopback targets"); return 2; }

var config = new ConfigurationBuilder().AddEnvironmentVariables().Build();
await using var planes = new DataPlanes(config);
var suffix = Guid.NewGuid().ToString("N")[..8];
var partnerId = $"bm-p-{suffix}";
var marketId = $"bm-m-{suffix}";
string partnerKey, marketKey;
long sellerId, hotListing;
var listings = new List<long>();
await using (var db = planes.Open(Plane.Live, partnerId))
{
    db.Brands.Add(new Brand { Id = partnerId, Name = "Bench partner", CreatedAt = DateTimeOffset.UtcNow });
    var seller = new Seller { BrandId = partnerId, DisplayName = "Bench seller", CreatedAt = DateTimeOffset.UtcNow };
    db.Sellers.Add(seller);
    await db.SaveChangesAsync();
    sellerId = seller.Id;
    for (var i = 0; i <= codes; i++)
    {
        db.Listings.Add(new Listing
        {
            BrandId = partnerId, OwnerType = i == codes ? "brand" : "seller", SellerId = i == codes ? null : sellerId, Title = $"Bench trade-in {i}",
            Channel = "exchange", RegularPrice = 100m + i % 900, Condition = "excellent", Category = "Armchairs", Faults = ["None"],
            Slug = $"bench-{i}", Quantity = i == codes ? 10_000_000 : 1, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        });
    }
    await db.SaveChangesAsync();
    var ids = await db.Listings.OrderBy(l => l.Id).Select(l => new { l.Id, l.OwnerType }).ToListAsync();
    listings.AddRange(ids.Where(l => l.OwnerType == "seller").Select(l => l.Id));
    hotListing = ids.Single(l => l.OwnerType == "brand").Id;
    partnerKey = await ApiKeyIssuer.CreateAsync(db, partnerId, Plane.Live, Roles.Admin, [Scopes.Read, Scopes.Write], "bench");
}
await using (var db = planes.Open(Plane.Live, marketId))
{
    db.Brands.Add(new Brand { Id = marketId, Name = "Bench marketplace", IsMarketplace = true, CreatedAt = DateTimeOffset.UtcNow });
    await db.SaveChangesAsync();
    marketKey = await ApiKeyIssuer.CreateAsync(db, marketId, Plane.Live, Roles.Marketplace, [Scopes.Read, Scopes.Write], "bench");
}

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, UseProxy = false, UseCookies = false };
using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
HttpRequestMessage Post(string path, string key, string body)
{
    var r = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
    return r;
}
string OrderBody(long listing) => "{\"listing_id\":" + listing.ToString(CultureInfo.InvariantCulture) + ",\"quantity\":1,\"buyer\":{\"email\":\"bench@example.com\",\"name\":\"Bench Buyer\"}}";

// Warm-up (JIT, pools): a few hundred hot-listing orders, not counted.
await Run("warm-up", 400, async i => await Send(Post("/v1/marketplace/orders", marketKey, OrderBody(hotListing))), print: false);

var orderIds = new ConcurrentBag<string>();
await Run("orders-distinct", listings.Count, async i =>
{
    var (status, body) = await SendRead(Post("/v1/marketplace/orders", marketKey, OrderBody(listings[i])));
    if (status == 201) orderIds.Add(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!);
    return status;
});
await Run("orders-hot", listings.Count, async i => await Send(Post("/v1/marketplace/orders", marketKey, OrderBody(hotListing))));

// Capture and confirm every trade-in order: each confirmed sale issues one code (not measured).
var ordered = orderIds.ToArray();
await Run("settle (setup)", ordered.Length, async i =>
{
    await Send(Post($"/v1/marketplace/orders/{ordered[i]}/capture", marketKey, ""));
    return await Send(Post($"/v1/marketplace/orders/{ordered[i]}/confirm-receipt", marketKey, ""));
}, print: false);
using var sellerView = new HttpRequestMessage(HttpMethod.Get, $"/v1/marketplace/sellers/{sellerId}/credits");
sellerView.Headers.Authorization = new AuthenticationHeaderValue("Bearer", marketKey);
var (_, creditsJson) = await SendRead(sellerView);
var allCodes = JsonDocument.Parse(creditsJson).RootElement.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToArray();
Console.WriteLine($"codes issued: {allCodes.Length}");
var half = allCodes.Length / 2;
string Redeem(string code, int i) => $$"""{"code":"{{code}}","order_reference":"BENCH-{{i}}"}""";
await Run("redeem-distinct", half, async i => await Send(Post("/v1/codes/redeem", partnerKey, Redeem(allCodes[i], i))));
// Contended: request i goes to code half + i / concurrency, so the workers race for each code together.
var contended = allCodes.Length - half;
await Run("redeem-contended", contended * concurrency, async i => await Send(Post("/v1/codes/redeem", partnerKey, Redeem(allCodes[half + i / concurrency], i))));
return 0;

async Task<int> Send(HttpRequestMessage request)
{
    using (request)
    using (var response = await http.SendAsync(request))
    {
        await response.Content.LoadIntoBufferAsync();
        return (int)response.StatusCode;
    }
}

async Task<(int, string)> SendRead(HttpRequestMessage request)
{
    using var response = await http.SendAsync(request);
    return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
}

async Task Run(string name, int total, Func<int, Task<int>> op, bool print = true)
{
    var next = -1;
    var latencies = new ConcurrentBag<double>();
    var statuses = new ConcurrentDictionary<int, int>();
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < total)
        {
            var start = Stopwatch.GetTimestamp();
            int status;
            try { status = await op(i); }
            catch (HttpRequestException) { status = 0; }
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        }
    })));
    var seconds = clock.Elapsed.TotalSeconds;
    if (!print) return;
    var sorted = latencies.OrderBy(x => x).ToArray();
    double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    var codesText = string.Join(" ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-18} {total,7} req in {seconds,6:F2} s = {total / seconds,8:F1} req/s  p50 {P(0.50),7:F2} ms  p99 {P(0.99),7:F2} ms  max {sorted[^1],7:F2} ms  [{codesText}]"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"RESULT scenario={name} concurrency={concurrency} requests={total} rps={total / seconds:F1} p50_ms={P(0.5):F2} p99_ms={P(0.99):F2} statuses={codesText.Replace(' ', ',')}"));
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
