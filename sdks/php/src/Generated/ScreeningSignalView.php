<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ScreeningSignalView (components.schemas.ScreeningSignalView).
 */
final readonly class ScreeningSignalView
{
    public function __construct(
        public string $type,
        public int $start,
        public int $end,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            type: $data['type'],
            start: $data['start'],
            end: $data['end'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['type'] = $this->type;
        $data['start'] = $this->start;
        $data['end'] = $this->end;
        return $data;
    }
}
