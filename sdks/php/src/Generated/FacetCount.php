<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * FacetCount (components.schemas.FacetCount).
 */
final readonly class FacetCount
{
    public function __construct(
        public string $value,
        public int $count,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            value: $data['value'],
            count: $data['count'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['value'] = $this->value;
        $data['count'] = $this->count;
        return $data;
    }
}
