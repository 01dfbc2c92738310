<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * WarehouseList (components.schemas.WarehouseList).
 */
final readonly class WarehouseList
{
    public function __construct(
        public string $brandId,
        /**
         * @var list<WarehouseView>
         */
        public array $warehouses,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            brandId: $data['brand_id'],
            warehouses: array_map(WarehouseView::fromArray(...), $data['warehouses']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['brand_id'] = $this->brandId;
        $data['warehouses'] = array_map(static fn (WarehouseView $item): array => $item->toArray(), $this->warehouses);
        return $data;
    }
}
