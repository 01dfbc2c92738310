// Measures webhook delivery: creates an endpoint pointing at a receiver on loopback, writes N
// listings through the API at a given concurrency, and reports deliveries per second and the
// time from each event's created_at to its arrival at the receiver (p50, p99, max).
//   WebhookBench <api base url> <admin key> <listings> <concurrency>
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

var api = args[0];
var key = args[1];
var total = int.Parse(args[2], CultureInfo.InvariantCulture);
var concurrency = int.Parse(args[3], CultureInfo.InvariantCulture);

var arrivals = new ConcurrentDictionary<string, double>();
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
var receiver = builder.Build();
receiver.MapPost("/hook", async (HttpContext http) =>
{
    using var doc = await JsonDocument.ParseAsync(http.Request.Body);
    var created = DateTimeOffset.Parse(doc.RootElement.GetProperty("created_at").GetString()!, CultureInfo.InvariantCulture);
    arrivals.TryAdd(doc.RootElement.GetProperty("id").GetString()!, (DateTimeOffset.UtcNow - created).TotalMilliseconds);
    return Results.NoContent();
});
await receiver.StartAsync();
var hookUrl = receiver.Urls.First() + "/hook";

using var client = new HttpClient { BaseAddress = new Uri(api) };
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
var endpoint = await client.PostAsync("/v1/webhooks/endpoints",
    new StringContent($$"""{"url":"{{hookUrl}}","event_types":["listing.created"]}""", Encoding.UTF8, "application/json"));
endpoint.EnsureSuccessStatusCode();

const string listing = """{"title":"Bench sofa","price_gbp":499,"condition":"like-new","category":"Corner Sofas","channel":"clearance"}""";
var sent = 0;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
{
    while (Interlocked.Increment(ref sent) <= total)
    {
        using var response = await client.PostAsync("/v1/listings", new StringContent(listing, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }
}));
var writesDone = clock.Elapsed.TotalSeconds;
while (arrivals.Count < total && clock.Elapsed < TimeSpan.FromMinutes(5)) await Task.Delay(20);
var allDelivered = clock.Elapsed.TotalSeconds;

var latencies = arrivals.Values.Order().ToArray();
double P(double q) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"listings={total} concurrency={concurrency} delivered={arrivals.Count} writes_s={writesDone:0.00} all_delivered_s={allDelivered:0.00} " +
    $"writes_per_s={total / writesDone:0.0} deliveries_per_s={arrivals.Count / allDelivered:0.0} " +
    $"event_to_delivery_ms p50={P(0.50):0.0} p99={P(0.99):0.0} max={P(1.0):0.0}"));
await receiver.StopAsync();
