using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Bulk;

/// <summary>A bulk job's stored upload, for the worker and the reports.</summary>
public static class BulkJobFiles
{
    /// <summary>Copies a job's stored file to a temporary file (streamed, never whole in memory).</summary>
    public static async Task<string> DownloadAsync(RepurchDb db, Guid jobId, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"repurch-job-{jobId:N}-{Guid.NewGuid():N}");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) await db.OpenBrandSessionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT content FROM bulk_job_files WHERE job_id = $1", connection,
            (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        cmd.Parameters.Add(new NpgsqlParameter { Value = jobId });
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"The file of job {jobId} is missing.");
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        await using var content = await reader.GetStreamAsync(0, ct);
        await content.CopyToAsync(output, ct);
        return path;
    }
}
