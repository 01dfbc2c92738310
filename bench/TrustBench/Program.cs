// Screening bench (bench/trust.sh runs it against its own database):
//
//   dotnet bench/TrustBench/bin/Release/net10.0/TrustBench.dll [--cases FILE]... [--iterations N] [--warmup N]
//
// Loads labelled cases (JSON lines: id, text, label scam|ordinary, category, disguise; default the suite
// tests/Repurch.Api.Tests/Trust/screening-suite.jsonl and the holdout bench/trust/holdout.jsonl), screens
// every text in-process with the app's MessageScreener under the default policy (no allowed domains, as
// the suite test's brands), and prints per file:
//   - per category: cases, caught (held or blocked), recall; for scams also "with reason" (the case's
//     category among the reasons, what the suite test demands); for ordinary topics the touched rate
//   - per reason code: how often it was given and its precision (of the messages given it, the share
//     that are scams)
//   - overall scam recall, ordinary false-positive rate (touched = hold or block) and precision
//   - every wrong case: id, expected, got, reasons
// Then latency: every text of the first file screened --iterations times after --warmup passes, each
// call timed alone; median / p95 / p99 per message, against a baseline measured the same way in the
// same run (NFKC normalisation plus one compiled regex for phones, emails and links), as a ratio.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Repurch.Api;
using Repurch.Api.Features.Trust;

var files = Args("--cases");
if (files.Count == 0) files = ["tests/Repurch.Api.Tests/Trust/screening-suite.jsonl", "bench/trust/holdout.jsonl"];
var iterations = int.Parse(Arg("--iterations") ?? "200", CultureInfo.InvariantCulture);
var warmup = int.Parse(Arg("--warmup") ?? "20", CultureInfo.InvariantCulture);

// The app's own services, as RepurchApp builds them (nothing is served, no database is opened): the
// screener is the singleton the endpoints use, and the test brand's policy is the default (it allow-lists
// no domain of its own). ScreenAsync is Screen plus the brand's cached policy, so this is the per-message cost.
var builder = WebApplication.CreateBuilder([]);
RepurchApp.AddServices(builder.Services, builder.Configuration);
await using var app = builder.Build();
var screener = app.Services.GetRequiredService<MessageScreener>();
var policy = TrustPolicy.Default;
Console.WriteLine($"validator {MessageScreener.Version}, policy: default (no allowed domains)");
Func<string, Screening> screen = text => screener.Screen(text, policy);

var loaded = files.Select(f => (File: f, Cases: Load(f))).ToList();
foreach (var (file, cases) in loaded)
{
    var results = new List<(Case Case, Screening Got)>(cases.Count);
    foreach (var c in cases) results.Add((c, screen(c.Text)));
    Report(file, results);
}

// Latency over the first file's texts.
var texts = loaded[0].Cases.Select(c => c.Text).ToArray();
var baseline = new Regex(
    @"(?:\+?\d[\s().\-]*){10,14}|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|(?:https?://|www\.)\S+|\b[\w\-]+\.(?:com|co\.uk|net|org|shop|info|me|ly)\b",
    RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
var sink = 0;
var perText = new double[texts.Length][];
var engine = Time(t => sink += screen(t).Reasons.Count, perText);
var regex = Time(t => sink += baseline.Count(t.Normalize(NormalizationForm.FormKC)));
Console.WriteLine();
Console.WriteLine($"latency per message over {texts.Length} texts x {iterations} iterations (after {warmup} warm-up passes), {loaded[0].File}:");
Console.WriteLine($"  {"",-30} {"median",10} {"p95",10} {"p99",10}");
Line("MessageScreener.Screen", engine);
Line("baseline NFKC + one regex", regex);
Console.WriteLine($"  {"ratio (screener / baseline)",-30} {Ratio(engine, regex, 0.50),9:0.0}x {Ratio(engine, regex, 0.95),9:0.0}x {Ratio(engine, regex, 0.99),9:0.0}x");
Console.WriteLine("  slowest texts (their own median):");
foreach (var (j, median) in perText.Select((x, j) => (j, Percentile([.. x.Order()], 0.50))).OrderByDescending(x => x.Item2).Take(5))
    Console.WriteLine($"    {median,8:0.0} us  {loaded[0].Cases[j].Id,-20} {Shorten(texts[j])}");
Console.WriteLine($"RESULT median_us={Percentile(engine, 0.50):0.0} p95_us={Percentile(engine, 0.95):0.0} p99_us={Percentile(engine, 0.99):0.0} baseline_median_us={Percentile(regex, 0.50):0.0} (sink {sink})");
return 0;

// Every call timed alone; perText (when given) keeps each text's own samples, for the slowest texts.
double[] Time(Action<string> op, double[][]? perText = null)
{
    for (var w = 0; w < warmup; w++)
        foreach (var t in texts) op(t);
    var samples = new double[texts.Length * iterations];
    if (perText is not null) for (var j = 0; j < texts.Length; j++) perText[j] = new double[iterations];
    var n = 0;
    for (var i = 0; i < iterations; i++)
        for (var j = 0; j < texts.Length; j++)
        {
            var start = Stopwatch.GetTimestamp();
            op(texts[j]);
            var us = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            samples[n++] = us;
            if (perText is not null) perText[j][i] = us;
        }
    Array.Sort(samples);
    return samples;
}

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
static double Ratio(double[] a, double[] b, double p) => Percentile(a, p) / Math.Max(Percentile(b, p), 0.001);
static void Line(string name, double[] s) =>
    Console.WriteLine($"  {name,-30} {Percentile(s, 0.50),7:0.0} us {Percentile(s, 0.95),7:0.0} us {Percentile(s, 0.99),7:0.0} us");

static void Report(string file, List<(Case Case, Screening Got)> results)
{
    static bool Touched(Screening s) => s.Verdict != ScreeningVerdict.Allow;
    Console.WriteLine();
    Console.WriteLine($"== {file}: {results.Count} cases ({results.Count(r => r.Case.Scam)} scam, {results.Count(r => !r.Case.Scam)} ordinary)");
    Console.WriteLine($"  {"scam category",-24} {"cases",6} {"caught",7} {"recall",8} {"w/reason",9} {"recall",8}");
    foreach (var g in results.Where(r => r.Case.Scam).GroupBy(r => r.Case.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        var n = g.Count();
        var caught = g.Count(r => Touched(r.Got));
        var withReason = g.Count(r => Touched(r.Got) && r.Got.Reasons.Contains(r.Case.Category));
        Console.WriteLine($"  {g.Key,-24} {n,6} {caught,7} {Pct(caught, n),8} {withReason,9} {Pct(withReason, n),8}");
    }
    Console.WriteLine($"  {"ordinary topic",-24} {"cases",6} {"touched",7} {"FP rate",8}");
    foreach (var g in results.Where(r => !r.Case.Scam).GroupBy(r => r.Case.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        var n = g.Count();
        var touched = g.Count(r => Touched(r.Got));
        Console.WriteLine($"  {g.Key,-24} {n,6} {touched,7} {Pct(touched, n),8}");
    }
    Console.WriteLine($"  {"reason given",-24} {"times",6} {"scams",7} {"precision",9}");
    foreach (var g in results.Where(r => Touched(r.Got)).SelectMany(r => r.Got.Reasons.Select(reason => (reason, r.Case)))
                 .GroupBy(x => x.reason).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        var n = g.Count();
        var scams = g.Count(x => x.Case.Scam);
        Console.WriteLine($"  {g.Key,-24} {n,6} {scams,7} {Pct(scams, n),9}");
    }
    var scamCount = results.Count(r => r.Case.Scam);
    var ordinaryCount = results.Count - scamCount;
    var tp = results.Count(r => r.Case.Scam && Touched(r.Got));
    var tpReason = results.Count(r => r.Case.Scam && Touched(r.Got) && r.Got.Reasons.Contains(r.Case.Category));
    var fp = results.Count(r => !r.Case.Scam && Touched(r.Got));
    Console.WriteLine($"  overall: scam recall {Pct(tp, scamCount)} ({tp}/{scamCount}; with its reason {Pct(tpReason, scamCount)}), " +
                      $"ordinary touched {Pct(fp, ordinaryCount)} ({fp}/{ordinaryCount}), precision {Pct(tp, tp + fp)}");
    var wrong = results.Where(r => r.Case.Scam
        ? !(Touched(r.Got) && r.Got.Reasons.Contains(r.Case.Category))
        : Touched(r.Got)).ToList();
    Console.WriteLine($"  wrong ({wrong.Count}):");
    foreach (var (c, got) in wrong)
    {
        var expected = c.Scam ? $"scam/{c.Category}" : "allow";
        Console.WriteLine($"    {c.Id,-24} expected {expected,-28} got {got.Verdict.ToString().ToLowerInvariant(),-5} [{string.Join(",", got.Reasons)}]  {Shorten(c.Text)}");
    }
    Console.WriteLine($"RESULT {Path.GetFileName(file)} recall={Pct(tp, scamCount)} fp_rate={Pct(fp, ordinaryCount)} precision={Pct(tp, tp + fp)} wrong={wrong.Count}");
}

static string Pct(int a, int b) => b == 0 ? "-" : (100.0 * a / b).ToString("0.0", CultureInfo.InvariantCulture) + "%";

// Invisible characters shown as \uXXXX so a disguised case reads as what it is.
static string Shorten(string text)
{
    var sb = new StringBuilder();
    foreach (var ch in text.Length > 90 ? text[..90] + "..." : text)
    {
        var cat = char.GetUnicodeCategory(ch);
        if (cat is UnicodeCategory.Format or UnicodeCategory.Control) sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)ch:x4}");
        else sb.Append(ch);
    }
    return sb.ToString();
}

static List<Case> Load(string path)
{
    var cases = new List<Case>();
    var n = 0;
    foreach (var line in File.ReadLines(path))
    {
        n++;
        if (string.IsNullOrWhiteSpace(line)) continue;
        var e = JsonDocument.Parse(line).RootElement;
        var label = e.GetProperty("label").GetString();
        if (label is not ("scam" or "ordinary")) throw new InvalidDataException($"{path}:{n}: label {label}");
        cases.Add(new Case(e.GetProperty("id").GetString()!, e.GetProperty("text").GetString()!, label == "scam", e.GetProperty("category").GetString()!));
    }
    return cases;
}

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

List<string> Args(string name)
{
    var values = new List<string>();
    for (var i = 0; i + 1 < args.Length; i++)
        if (args[i] == name) values.Add(args[i + 1]);
    return values;
}

internal sealed record Case(string Id, string Text, bool Scam, string Category);
