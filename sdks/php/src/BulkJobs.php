<?php

declare(strict_types=1);

namespace Repurch;

use Repurch\Generated\BulkJobView;

/** Background imports: upload a CSV or XLSX, follow its progress, download its report. */
final class BulkJobs
{
    public function __construct(private readonly Repurch $client)
    {
    }

    /**
     * Uploads the file as the raw body (POST /v1/listings/bulk-jobs), streamed from disk: answers at once
     * with the queued job. The raw body rather than multipart: curl picks a new multipart boundary per
     * attempt, and a retry under the same Idempotency-Key must send the same bytes.
     *
     * @param 'commit'|'validate'|null $mode commit (the API's default) creates and updates listings; validate only reports
     * @param ?string $filename shown on the job and its report (default: the file's name)
     * @param ?string $idempotencyKey reuse to make a repeated upload return the same job (generated otherwise)
     */
    public function start(string $path, ?string $mode = null, ?string $filename = null, ?string $idempotencyKey = null): BulkJobView
    {
        if (!is_file($path) || !is_readable($path)) {
            throw new \InvalidArgumentException('cannot read ' . $path);
        }
        $query = array_filter(['mode' => $mode, 'filename' => $filename ?? basename($path)], static fn ($v) => $v !== null);
        $response = $this->client->request('POST', '/v1/listings/bulk-jobs', [
            'query' => $query,
            'file' => $path,
            'idempotencyKey' => $idempotencyKey,
        ]);
        return BulkJobView::fromArray($response->json());
    }

    public function get(string $id): BulkJobView
    {
        return $this->client->getBulkJob($id);
    }

    /**
     * Polls until the job is completed or failed and returns it (a failed job is returned, not thrown: see
     * ->error).
     *
     * @param ?callable(BulkJobView): void $onProgress called after every poll (status, rowsDone, totalRows, progress)
     */
    public function wait(string $id, ?callable $onProgress = null, float $intervalSeconds = 1.0, float $timeoutSeconds = 600.0): BulkJobView
    {
        $deadline = microtime(true) + $timeoutSeconds;
        for (;;) {
            $job = $this->get($id);
            if ($onProgress !== null) {
                $onProgress($job);
            }
            if ($job->status === 'completed' || $job->status === 'failed') {
                return $job;
            }
            if (microtime(true) > $deadline) {
                throw new \RuntimeException(sprintf('bulk job %s still %s after %s s', $id, $job->status, $timeoutSeconds));
            }
            usleep((int) ($intervalSeconds * 1_000_000));
        }
    }

    /**
     * A completed job's report (every row with import_result, import_errors, listing_id), as bytes.
     *
     * @param 'csv'|'xlsx' $format
     * @param 'all'|'errors' $rows
     */
    public function report(BulkJobView $job, string $format = 'csv', string $rows = 'all'): string
    {
        if ($job->reports === null) {
            throw new \RuntimeException(sprintf('bulk job %s has no report while %s', $job->id, $job->status));
        }
        $path = $format === 'xlsx' ? $job->reports->xlsx : $job->reports->csv;
        return $this->client->request('GET', $path, ['query' => $rows === 'errors' ? ['rows' => 'errors'] : []])->body;
    }
}
