<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * WarehouseDeleted (components.schemas.WarehouseDeleted).
 */
final readonly class WarehouseDeleted
{
    public function __construct(
        public bool $deleted,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            deleted: $data['deleted'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['deleted'] = $this->deleted;
        return $data;
    }
}
