<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * WarehouseEnvelope (components.schemas.WarehouseEnvelope).
 */
final readonly class WarehouseEnvelope
{
    public function __construct(
        public WarehouseView $warehouse,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            warehouse: WarehouseView::fromArray($data['warehouse']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['warehouse'] = $this->warehouse->toArray();
        return $data;
    }
}
