<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ReplaySinceRequest (components.schemas.ReplaySinceRequest).
 */
final readonly class ReplaySinceRequest
{
    public function __construct(
        public string $since,
        public ?string $until = null,
        /**
         * @var list<string>|null
         */
        public ?array $types = null,
        public ?string $endpointId = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            since: $data['since'],
            until: $data['until'] ?? null,
            types: $data['types'] ?? null,
            endpointId: $data['endpoint_id'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['since'] = $this->since;
        if ($this->until !== null) {
            $data['until'] = $this->until;
        }
        if ($this->types !== null) {
            $data['types'] = $this->types;
        }
        if ($this->endpointId !== null) {
            $data['endpoint_id'] = $this->endpointId;
        }
        return $data;
    }
}
