<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * WarehouseSummary (components.schemas.WarehouseSummary).
 */
final readonly class WarehouseSummary
{
    public function __construct(
        public string $id,
        public string $label,
        public bool $isDefault,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            label: $data['label'],
            isDefault: $data['is_default'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['label'] = $this->label;
        $data['is_default'] = $this->isDefault;
        return $data;
    }
}
