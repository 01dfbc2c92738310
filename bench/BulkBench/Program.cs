using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SpreadCheetah;

// usage: BulkBench <base-url> <admin-key> <server-pid> <phase: memory|throughput|job <csv|xlsx> <rows> [mode]>
var baseUrl = args[0];
var key = args[1];
var pid = int.Parse(args[2], CultureInfo.InvariantCulture);
var phase = args[3];
using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
string[] header = ["title", "price_gbp", "category", "condition", "brand", "colour", "fabric", "age_years", "description", "sku"];
string[] Row(int i, string run) =>
    [$"Grey velvet corner sofa {i}", (599 + i % 300).ToString(CultureInfo.InvariantCulture), "Corner Sofas", "like-new", "DFS", "Grey", "Velvet", "1 year old",
     "Excellent condition, no pet exposure. Removable cushions.", $"{run}-{i}"];

if (phase == "memory")
{
    Console.WriteLine($"server VmHWM at start: {Hwm()} MB");
    foreach (var format in new[] { "csv", "xlsx" })
    {
        var file = format == "csv" ? Csv(100_000, "M" + format) : await Xlsx(100_000, "M" + format);
        var (seconds, result) = await Job(file, format, "commit");
        if (result.GetProperty("error_count").GetInt32() > 0) throw new InvalidOperationException($"rows failed: {result}");
        Console.WriteLine($"100,000-row {format} job ({file.Length / 1024 / 1024.0:F1} MB): {seconds:F1} s, {100_000 / seconds:F0} rows/s; server peak RSS (VmHWM) so far {Hwm()} MB");
    }
}
else if (phase == "job")
{
    // One job, for a profiler or a whole-process timer: job <csv|xlsx> <rows> [commit|validate]
    var (format, rows, mode) = (args[4], int.Parse(args[5], CultureInfo.InvariantCulture), args.Length > 6 ? args[6] : "commit");
    var run = "J" + Guid.NewGuid().ToString("N")[..6];
    var file = format == "csv" ? Csv(rows, run) : await Xlsx(rows, run);
    var (s, result) = await Job(file, format, mode);
    if (result.GetProperty("error_count").GetInt32() > 0) throw new InvalidOperationException($"rows failed: {result}");
    Console.WriteLine($"{rows}-row {format} {mode} job: {s:F2} s, {rows / s:F0} rows/s; server VmHWM {Hwm()} MB");
}
else
{
    var xlsx = await Xlsx(10_000, "T");
    var (v, _) = await Job(xlsx, "xlsx", "validate");
    Console.WriteLine($"10,000-row xlsx validate job: {v:F2} s, {10_000 / v:F0} rows/s");
    var (c, _) = await Job(xlsx, "xlsx", "commit");
    Console.WriteLine($"10,000-row xlsx commit job (creates): {c:F2} s, {10_000 / c:F0} rows/s");
    var (u, _) = await Job(xlsx, "xlsx", "commit");
    Console.WriteLine($"10,000-row xlsx commit job again (updates by sku): {u:F2} s, {10_000 / u:F0} rows/s");
    var small = Convert.ToBase64String(await Xlsx(200, "S" + Guid.NewGuid().ToString("N")[..6]));
    foreach (var path in new[] { "bulk-validate", "bulk-commit" })
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var body = path == "bulk-commit" ? Convert.ToBase64String(await Xlsx(200, $"S{i}")) : small;
            var sw = Stopwatch.StartNew();
            var r = await http.PostAsync($"/v1/listings/{path}", new StringContent(JsonSerializer.Serialize(new { file_b64 = body }), Encoding.UTF8, "application/json"));
            r.EnsureSuccessStatusCode();
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        Console.WriteLine($"POST /v1/listings/{path}, 200-row xlsx: median {times[2] * 1000:F0} ms ({200 / times[2]:F0} rows/s)");
    }
}

async Task<(double Seconds, JsonElement Job)> Job(byte[] file, string format, string mode)
{
    var content = new ByteArrayContent(file);
    content.Headers.ContentType = new MediaTypeHeaderValue(format == "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    var sw = Stopwatch.StartNew();
    var response = await http.PostAsync($"/v1/listings/bulk-jobs?mode={mode}", content);
    var started = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    if ((int)response.StatusCode != 202) throw new InvalidOperationException(started.ToString());
    var id = started.GetProperty("id").GetString();
    while (true)
    {
        var job = JsonDocument.Parse(await http.GetStringAsync($"/v1/listings/bulk-jobs/{id}")).RootElement;
        var status = job.GetProperty("status").GetString();
        if (status == "failed") throw new InvalidOperationException(job.ToString());
        if (status == "completed") return (sw.Elapsed.TotalSeconds, job);
        await Task.Delay(100);
    }
}

byte[] Csv(int rows, string run)
{
    var sb = new StringBuilder(string.Join(',', header)).Append("\r\n");
    // Quoted: the description holds a comma (unquoted, every row failed and the CSV figures measured nothing).
    for (var i = 0; i < rows; i++) sb.Append(string.Join(',', Row(i, run).Select(c => c.Contains(',') ? $"\"{c}\"" : c))).Append("\r\n");
    return Encoding.UTF8.GetBytes(sb.ToString());
}

async Task<byte[]> Xlsx(int rows, string run)
{
    using var ms = new MemoryStream();
    await using (var book = await Spreadsheet.CreateNewAsync(ms))
    {
        await book.StartWorksheetAsync("Listings");
        await book.AddRowAsync(header.Select(h => new Cell(h)).ToArray());
        for (var i = 0; i < rows; i++)
        {
            var r = Row(i, run);
            await book.AddRowAsync(r.Select((v, c) => c == 1 ? new Cell(decimal.Parse(v, CultureInfo.InvariantCulture)) : new Cell(v)).ToArray());
        }
        await book.FinishAsync();
    }
    return ms.ToArray();
}

long Hwm()
{
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    return -1;
}
