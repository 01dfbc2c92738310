<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ReplayOneRequest (components.schemas.ReplayOneRequest).
 */
final readonly class ReplayOneRequest
{
    public function __construct(
        public ?string $endpointId = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            endpointId: $data['endpoint_id'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        if ($this->endpointId !== null) {
            $data['endpoint_id'] = $this->endpointId;
        }
        return $data;
    }
}
