using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Bulk;

/// <summary>
/// Processes queued bulk jobs. A job is claimed from <c>bulk_job_queue</c> (a table without RLS holding
/// ids and a lease only, reachable only through SECURITY DEFINER functions) with <c>FOR UPDATE SKIP LOCKED</c>, so any number of nodes can run workers.
/// Everything else happens in contexts opened for the job's brand through <see cref="DataPlanes"/>,
/// under RLS. Rows are streamed from the file and committed in batches of <see cref="BatchSize"/>:
/// listings, the batch's report rows and the job's progress in one transaction, so a node that dies
/// mid-job leaves a consistent prefix and the next claim (after the lease ends) resumes after it.
/// </summary>
public sealed class BulkJobWorker(DataPlanes planes, BulkJobSignal signal, ListingUrls urls, ListingTextScreening screening, TimeProvider clock, IOptions<BulkOptions> options, ILogger<BulkJobWorker> log) : BackgroundService
{
    public const int BatchSize = 500;
    public const int MaxAttempts = 5;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly TimeSpan _poll = TimeSpan.FromMilliseconds(options.Value.PollMs);
    private readonly int _concurrency = options.Value.Workers;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled
            ? Task.WhenAll(Enumerable.Range(0, _concurrency).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)))
            : Task.CompletedTask;

    private async Task LoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                foreach (var plane in Enum.GetValues<Plane>())
                {
                    if (await ClaimAsync(plane, ct) is { } claim)
                    {
                        worked = true;
                        await RunAsync(plane, claim, ct);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Bulk job worker loop failed; retrying");
            }
            if (!worked)
            {
                try
                {
                    await signal.WaitAsync(_poll, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private sealed record Claim(Guid JobId, string BrandId, int Attempts);

    private async Task<Claim?> ClaimAsync(Plane plane, CancellationToken ct)
    {
        await using var cmd = planes.For(plane).CreateCommand("SELECT job_id, brand_id, attempts FROM bulk_job_claim($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = Lease });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new Claim(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2)) : null;
    }

    private async Task QueueAsync(Plane plane, Guid jobId, string sql, CancellationToken ct)
    {
        await using var cmd = planes.For(plane).CreateCommand(sql);
        cmd.Parameters.Add(new NpgsqlParameter { Value = jobId });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private Task DequeueAsync(Plane plane, Guid jobId, CancellationToken ct) =>
        QueueAsync(plane, jobId, "SELECT bulk_job_dequeue($1)", ct);

    private Task ExtendLeaseAsync(Plane plane, Guid jobId, CancellationToken ct) =>
        QueueAsync(plane, jobId, "SELECT bulk_job_lease($1, interval '2 minutes')", ct);

    private async Task RunAsync(Plane plane, Claim claim, CancellationToken ct)
    {
        string? temp = null;
        try
        {
            ListingOptions options;
            ListingTextCheck text;
            Warehouse? warehouse;
            string brandName;
            BulkJob job;
            await using (var db = planes.Open(plane, claim.BrandId))
            {
                await db.Database.OpenConnectionAsync(ct);
                var found = await db.BulkJobs.AsTracking().FirstOrDefaultAsync(j => j.Id == claim.JobId, ct);
                if (found is null || found.Status is "completed" or "failed")
                {
                    await DequeueAsync(plane, claim.JobId, ct);
                    return;
                }
                job = found;
                if (claim.Attempts > MaxAttempts)
                {
                    await FailAsync(db, job, "processing_failed", "The job could not be processed after several attempts. Upload the file again; if it keeps failing, contact support.", ct);
                    await DequeueAsync(plane, claim.JobId, ct);
                    return;
                }
                job.Status = "processing";
                job.StartedAt ??= clock.GetUtcNow();
                job.UpdatedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(ct);
                options = await BrandOptions.LoadAsync(db, ct);
                text = await screening.ForBrandAsync(db, claim.BrandId, ct);
                warehouse = await db.Warehouses.Where(w => w.IsDefault).FirstOrDefaultAsync(ct);
                brandName = await BrandNames.GetAsync(db, ct);
                temp = await BulkJobFiles.DownloadAsync(db, job.Id, ct);
            }

            await using var input = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
            BulkFile file;
            BulkHeader? header = null;
            // The first claim counts the rows and spools them, so the file is parsed once; a resumed job reads the file again.
            using var spool = job.TotalRows is null ? new RowSpool() : null;
            try
            {
                file = BulkFile.Open(input, BulkLimits.Large);
                if (spool is not null)
                {
                    var total = 0;
                    foreach (var row in file.Rows())
                    {
                        if (header is null) header = BulkHeader.Parse(row);
                        else if (row.IsBlank) continue;
                        else total++;
                        spool.Write(row);
                    }
                    if (header is null) throw new BadFileException("The file has no header row.");
                    await UpdateJobAsync(plane, claim, j => j.TotalRows = total, ct);
                    job.TotalRows = total;
                }
            }
            catch (BadFileException e)
            {
                await using var db = planes.Open(plane, claim.BrandId);
                var failed = await db.BulkJobs.AsTracking().FirstAsync(j => j.Id == claim.JobId, ct);
                await FailAsync(db, failed, "bad_file", e.Message, ct);
                await DequeueAsync(plane, claim.JobId, ct);
                return;
            }

            var skip = job.RowsDone;
            var seen = 0;
            header = null;
            var batch = new List<SheetRow>(BatchSize);
            foreach (var row in spool?.Read() ?? file.Rows())
            {
                if (header is null) { header = BulkHeader.Parse(row); continue; }
                if (row.IsBlank || ++seen <= skip) continue;
                batch.Add(row);
                if (batch.Count == BatchSize)
                {
                    await CommitBatchAsync(plane, claim, job.Mode, header, batch, options, text, warehouse, brandName, ct);
                    batch.Clear();
                    await ExtendLeaseAsync(plane, claim.JobId, ct);
                }
            }
            if (batch.Count > 0) await CommitBatchAsync(plane, claim, job.Mode, header!, batch, options, text, warehouse, brandName, ct);
            await UpdateJobAsync(plane, claim, j =>
            {
                j.Status = "completed";
                j.FinishedAt = clock.GetUtcNow();
            }, ct);
            await DequeueAsync(plane, claim.JobId, ct);
            log.LogInformation("Bulk job {JobId} of {BrandId} completed", claim.JobId, claim.BrandId);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and another worker resumes after the last batch.
        }
        catch (Exception e)
        {
            log.LogError(e, "Bulk job {JobId} failed on attempt {Attempt}; it will be retried", claim.JobId, claim.Attempts);
            try
            {
                await QueueAsync(plane, claim.JobId, "SELECT bulk_job_lease($1, interval '10 seconds')", CancellationToken.None);
            }
            catch (Exception inner)
            {
                log.LogError(inner, "Could not release bulk job {JobId}", claim.JobId);
            }
        }
        finally
        {
            if (temp is not null) File.Delete(temp);
        }
    }

    private async Task FailAsync(RepurchDb db, BulkJob job, string code, string message, CancellationToken ct)
    {
        job.Status = "failed";
        job.ErrorCode = code;
        job.ErrorMessage = message.Length > 1000 ? message[..1000] : message;
        job.FinishedAt = clock.GetUtcNow();
        job.UpdatedAt = job.FinishedAt.Value;
        await db.SaveChangesAsync(ct);
    }

    private async Task UpdateJobAsync(Plane plane, Claim claim, Action<BulkJob> change, CancellationToken ct)
    {
        await using var db = planes.Open(plane, claim.BrandId);
        var job = await db.BulkJobs.AsTracking().FirstAsync(j => j.Id == claim.JobId, ct);
        change(job);
        job.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>One batch: listings, report rows and progress commit together or not at all.</summary>
    private async Task CommitBatchAsync(Plane plane, Claim claim, string mode, BulkHeader header, List<SheetRow> batch,
        ListingOptions options, ListingTextCheck text, Warehouse? warehouse, string brandName, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var checks = batch.Select(r => BulkValidator.Check(header, r, options, text, claim.BrandId, now)).ToList();
        await using var db = planes.Open(plane, claim.BrandId);
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var job = await db.BulkJobs.AsTracking().FirstAsync(j => j.Id == claim.JobId, ct);

        var outcomes = new List<(CheckedRow Check, string Result, Listing? Listing)>(checks.Count);
        if (mode == "commit")
        {
            // Re-uploads update by sku: the brand's own live listings with that sku.
            var skus = checks.Where(c => c.Ok && c.Listing!.Sku is not null).Select(c => c.Listing!.Sku!).Distinct().ToList();
            var bySku = new Dictionary<string, Listing>(StringComparer.Ordinal);
            if (skus.Count > 0)
            {
                // FOR UPDATE: every column is written back, so a concurrent change (an order taking stock,
                // a view) must wait for this batch rather than be overwritten by the copy read here.
                var skuList = skus.ToArray();
                var existing = await Locks.LockRows<Listing>(db,
                    $"brand_id = {claim.BrandId} AND deleted_at IS NULL AND owner_type = 'brand' AND sku = ANY({skuList})")
                    .OrderByDescending(l => l.Id).ToListAsync(ct);
                foreach (var l in existing) bySku.TryAdd(l.Sku!, l);
            }
            var created = new List<Listing>();
            var updated = new HashSet<Listing>(ReferenceEqualityComparer.Instance);
            foreach (var check in checks)
            {
                if (!check.Ok) { outcomes.Add((check, "error", null)); continue; }
                var sku = check.Listing!.Sku;
                if (sku is not null && bySku.TryGetValue(sku, out var target))
                {
                    BulkValidator.ApplyTo(header, check.Source, target, options, now);
                    target.Channel = "clearance";
                    if (target.Id != 0) updated.Add(target); // 0: created earlier in this batch, inserted below with these values
                    outcomes.Add((check, "updated", target));
                    continue;
                }
                var listing = check.Listing;
                listing.WarehouseId = warehouse?.Id;
                created.Add(listing);
                if (sku is not null) bySku[sku] = listing;
                outcomes.Add((check, "created", listing));
            }
            await BatchWrites.UpdateAsync(db, [.. updated], ct);
            await BatchWrites.InsertAsync(db, created, ct);
        }
        else
        {
            outcomes.AddRange(checks.Select(c => (c, c.Ok ? "ok" : "error", (Listing?)null)));
        }

        // Set-based writes: a statement per table per batch, not one per row (the 10,000-row goal).
        var events = new List<(string, object)>(outcomes.Count);
        var rows = new List<BulkJobRow>(outcomes.Count);
        foreach (var (check, result, listing) in outcomes)
        {
            // Each change announces itself as the single-listing endpoints do, in the batch's transaction.
            if (listing is not null)
                events.Add((result == "created" ? ListingEvents.Created : ListingEvents.Updated, BulkEvents.Detail(listing, urls, brandName, warehouse)));
            rows.Add(new BulkJobRow
            {
                JobId = claim.JobId, Row = check.Source.Number, BrandId = claim.BrandId, Result = result,
                ListingId = listing?.Id, Errors = check.Ok ? null : [.. check.Errors],
            });
        }
        await Outbox.EmitManyAsync(db, claim.BrandId, events, clock, ct);
        await BatchWrites.InsertAsync(db, rows, ct);
        job.RowsDone += batch.Count;
        job.CreatedCount += outcomes.Count(o => o.Result == "created");
        job.UpdatedCount += outcomes.Count(o => o.Result == "updated");
        job.ErrorCount += outcomes.Count(o => o.Result == "error");
        job.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
