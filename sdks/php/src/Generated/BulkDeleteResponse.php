<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * BulkDeleteResponse (components.schemas.BulkDeleteResponse).
 */
final readonly class BulkDeleteResponse
{
    public function __construct(
        public int $successCount,
        public int $errorCount,
        /**
         * @var list<BulkDeleteResult>
         */
        public array $results,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            successCount: $data['success_count'],
            errorCount: $data['error_count'],
            results: array_map(BulkDeleteResult::fromArray(...), $data['results']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['success_count'] = $this->successCount;
        $data['error_count'] = $this->errorCount;
        $data['results'] = array_map(static fn (BulkDeleteResult $item): array => $item->toArray(), $this->results);
        return $data;
    }
}
