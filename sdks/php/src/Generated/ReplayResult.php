<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ReplayResult (components.schemas.ReplayResult).
 */
final readonly class ReplayResult
{
    public function __construct(
        public int $events,
        public int $deliveries,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            events: $data['events'],
            deliveries: $data['deliveries'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['events'] = $this->events;
        $data['deliveries'] = $this->deliveries;
        return $data;
    }
}
