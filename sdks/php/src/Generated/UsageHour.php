<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * UsageHour (components.schemas.UsageHour).
 */
final readonly class UsageHour
{
    public function __construct(
        /**
         * Start of the UTC hour.
         */
        public string $hour,
        public UsageStats $stats,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            hour: $data['hour'],
            stats: UsageStats::fromArray($data['stats']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['hour'] = $this->hour;
        $data['stats'] = $this->stats->toArray();
        return $data;
    }
}
