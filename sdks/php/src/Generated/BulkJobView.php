<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * BulkJobView (components.schemas.BulkJobView).
 */
final readonly class BulkJobView
{
    public function __construct(
        public string $id,
        public string $status,
        public string $mode,
        public string $format,
        public ?string $filename,
        public int $fileSize,
        public ?int $totalRows,
        public int $rowsDone,
        public ?float $progress,
        public int $successCount,
        public int $createdCount,
        public int $updatedCount,
        public int $errorCount,
        public ?BulkJobError $error,
        public ?BulkJobReports $reports,
        public string $createdAt,
        public ?string $startedAt,
        public ?string $finishedAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            status: $data['status'],
            mode: $data['mode'],
            format: $data['format'],
            filename: $data['filename'] ?? null,
            fileSize: $data['file_size'],
            totalRows: $data['total_rows'] ?? null,
            rowsDone: $data['rows_done'],
            progress: isset($data['progress']) ? (float) $data['progress'] : null,
            successCount: $data['success_count'],
            createdCount: $data['created_count'],
            updatedCount: $data['updated_count'],
            errorCount: $data['error_count'],
            error: isset($data['error']) ? BulkJobError::fromArray($data['error']) : null,
            reports: isset($data['reports']) ? BulkJobReports::fromArray($data['reports']) : null,
            createdAt: $data['created_at'],
            startedAt: $data['started_at'] ?? null,
            finishedAt: $data['finished_at'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['status'] = $this->status;
        $data['mode'] = $this->mode;
        $data['format'] = $this->format;
        $data['filename'] = $this->filename;
        $data['file_size'] = $this->fileSize;
        $data['total_rows'] = $this->totalRows;
        $data['rows_done'] = $this->rowsDone;
        $data['progress'] = $this->progress;
        $data['success_count'] = $this->successCount;
        $data['created_count'] = $this->createdCount;
        $data['updated_count'] = $this->updatedCount;
        $data['error_count'] = $this->errorCount;
        $data['error'] = $this->error?->toArray();
        $data['reports'] = $this->reports?->toArray();
        $data['created_at'] = $this->createdAt;
        $data['started_at'] = $this->startedAt;
        $data['finished_at'] = $this->finishedAt;
        return $data;
    }
}
