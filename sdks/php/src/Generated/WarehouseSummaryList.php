<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * WarehouseSummaryList (components.schemas.WarehouseSummaryList).
 */
final readonly class WarehouseSummaryList
{
    public function __construct(
        /**
         * @var list<WarehouseSummary>
         */
        public array $warehouses,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            warehouses: array_map(WarehouseSummary::fromArray(...), $data['warehouses']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['warehouses'] = array_map(static fn (WarehouseSummary $item): array => $item->toArray(), $this->warehouses);
        return $data;
    }
}
