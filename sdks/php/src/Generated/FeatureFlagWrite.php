<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * FeatureFlagWrite (components.schemas.FeatureFlagWrite).
 */
final readonly class FeatureFlagWrite
{
    public function __construct(
        public bool $enabled,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            enabled: $data['enabled'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['enabled'] = $this->enabled;
        return $data;
    }
}
