using Repurch.Sdk.Generated.Models;

namespace Repurch.Sdk.Examples.Examples;

public static class BulkImport
{
    public static async Task RunAsync(string[] args)
    {
        using var repurch = RepurchClient.Create(Environment.GetEnvironmentVariable("REPURCH_API_KEY")!, Environment.GetEnvironmentVariable("REPURCH_BASE_URL"));
        var (file, reportPath) = (args[0], args[1]);

        // Upload a CSV or XLSX of any size: the API answers at once and imports it in the background.
        await using var upload = File.OpenRead(file);
        var started = await repurch.BulkJobs.StartAsync(upload, filename: Path.GetFileName(file));
        var job = await repurch.BulkJobs.WaitAsync(started.Id!.Value, new ProgressCallback<BulkJobView>(j =>
            Console.WriteLine($"{j.Status} {j.RowsDone}/{j.TotalRows?.ToString() ?? "?"} rows")));
        if (job.Status == "failed") throw new InvalidOperationException($"import failed: {job.Error?.Message}");
        Console.WriteLine($"created {job.CreatedCount}, updated {job.UpdatedCount}, errors {job.ErrorCount}");

        // The report is the file back with import_result, import_errors and listing_id on every row.
        await File.WriteAllBytesAsync(reportPath, await repurch.BulkJobs.ReportAsync(job, "csv"));
    }
}
