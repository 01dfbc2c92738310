<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * UsageRoute (components.schemas.UsageRoute).
 */
final readonly class UsageRoute
{
    public function __construct(
        /**
         * Method and route pattern, e.g. `GET /v1/listings/{id:long}`; `unmatched` for URLs no route serves.
         */
        public string $route,
        public UsageStats $stats,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            route: $data['route'],
            stats: UsageStats::fromArray($data['stats']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['route'] = $this->route;
        $data['stats'] = $this->stats->toArray();
        return $data;
    }
}
