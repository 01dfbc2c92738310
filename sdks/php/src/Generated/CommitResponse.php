<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * CommitResponse (components.schemas.CommitResponse).
 */
final readonly class CommitResponse
{
    public function __construct(
        public int $rowCount,
        public int $successCount,
        public int $errorCount,
        /**
         * @var list<CommitRow>
         */
        public array $rows,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            rowCount: $data['row_count'],
            successCount: $data['success_count'],
            errorCount: $data['error_count'],
            rows: array_map(CommitRow::fromArray(...), $data['rows']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['row_count'] = $this->rowCount;
        $data['success_count'] = $this->successCount;
        $data['error_count'] = $this->errorCount;
        $data['rows'] = array_map(static fn (CommitRow $item): array => $item->toArray(), $this->rows);
        return $data;
    }
}
