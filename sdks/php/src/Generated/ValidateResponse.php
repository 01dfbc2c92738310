<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ValidateResponse (components.schemas.ValidateResponse).
 */
final readonly class ValidateResponse
{
    public function __construct(
        public int $rowCount,
        public int $errorCount,
        public int $maxRows,
        /**
         * @var list<string>
         */
        public array $headers,
        /**
         * @var list<ValidateRow>
         */
        public array $rows,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            rowCount: $data['row_count'],
            errorCount: $data['error_count'],
            maxRows: $data['max_rows'],
            headers: $data['headers'],
            rows: array_map(ValidateRow::fromArray(...), $data['rows']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['row_count'] = $this->rowCount;
        $data['error_count'] = $this->errorCount;
        $data['max_rows'] = $this->maxRows;
        $data['headers'] = $this->headers;
        $data['rows'] = array_map(static fn (ValidateRow $item): array => $item->toArray(), $this->rows);
        return $data;
    }
}
