using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using NetVips;

// Uploads one 12-megapixel JPEG (made here with NetVips: a gradient with noise, so it weighs what a
// phone photo does) to POST /v1/listings/upload-photo again and again, and reports the latency.
// Usage: PhotoBench --url http://127.0.0.1:18342 --key re_pk_... [--count 20] [--concurrency 1] [--warmup 2]
var options = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
var url = options.GetValueOrDefault("url", "http://127.0.0.1:18342").TrimEnd('/');
var key = options.TryGetValue("key", out var k) ? k : throw new ArgumentException("--key is required");
var count = int.Parse(options.GetValueOrDefault("count", "20"), System.Globalization.CultureInfo.InvariantCulture);
var concurrency = int.Parse(options.GetValueOrDefault("concurrency", "1"), System.Globalization.CultureInfo.InvariantCulture);
var warmup = int.Parse(options.GetValueOrDefault("warmup", "2"), System.Globalization.CultureInfo.InvariantCulture);
var outDir = options.GetValueOrDefault("out", "bench/out");

Directory.CreateDirectory(outDir);
var photoPath = Path.Combine(outDir, "photo-12mp.jpg");
if (!File.Exists(photoPath))
{
    using var xyz = Image.Xyz(4000, 3000);
    using var x = xyz[0];
    using var y = xyz[1];
    using var r = x * (255.0 / 3999);
    using var g = y * (255.0 / 2999);
    using var b = (x + y) * (127.0 / 6998);
    using var gradient = r.Bandjoin(g, b);
    using var noise = Image.Gaussnoise(4000, 3000, sigma: 12);
    using var photo = (gradient + noise).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    File.WriteAllBytes(photoPath, photo.JpegsaveBuffer(q: 90));
}
var bytes = File.ReadAllBytes(photoPath);
var body = "{\"image_base64\":\"" + Convert.ToBase64String(bytes) + "\",\"filename\":\"bench-12mp.jpg\"}";
Console.WriteLine($"photo: 4000x3000 JPEG, {bytes.Length / 1024.0 / 1024.0:F2} MB ({body.Length / 1024.0 / 1024.0:F2} MB as JSON)");

using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

async Task<double> UploadOnce()
{
    using var content = new StringContent(body, Encoding.UTF8, "application/json");
    var watch = Stopwatch.StartNew();
    using var response = await http.PostAsync($"{url}/v1/listings/upload-photo", content);
    var text = await response.Content.ReadAsStringAsync();
    watch.Stop();
    if ((int)response.StatusCode != 201) throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
    return watch.Elapsed.TotalMilliseconds;
}

for (var i = 0; i < warmup; i++) await UploadOnce();
var latencies = new List<double>();
var next = 0;
var wall = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
{
    while (Interlocked.Increment(ref next) <= count)
    {
        var ms = await UploadOnce();
        lock (latencies) latencies.Add(ms);
    }
}));
wall.Stop();
latencies.Sort();
double Pct(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
Console.WriteLine($"uploads: {count} at concurrency {concurrency} in {wall.Elapsed.TotalSeconds:F1} s ({count / wall.Elapsed.TotalSeconds:F2}/s)");
Console.WriteLine($"latency ms: min {latencies[0]:F0}  p50 {Pct(0.5):F0}  p95 {Pct(0.95):F0}  max {latencies[^1]:F0}");
