<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * MeasurementDto (components.schemas.MeasurementDto).
 */
final readonly class MeasurementDto
{
    public function __construct(
        public string $dimension,
        public float $valueCm,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            dimension: $data['dimension'],
            valueCm: (float) $data['value_cm'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['dimension'] = $this->dimension;
        $data['value_cm'] = $this->valueCm;
        return $data;
    }
}
