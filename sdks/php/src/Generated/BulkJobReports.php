<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * BulkJobReports (components.schemas.BulkJobReports).
 */
final readonly class BulkJobReports
{
    public function __construct(
        public string $csv,
        public string $xlsx,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            csv: $data['csv'],
            xlsx: $data['xlsx'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['csv'] = $this->csv;
        $data['xlsx'] = $this->xlsx;
        return $data;
    }
}
