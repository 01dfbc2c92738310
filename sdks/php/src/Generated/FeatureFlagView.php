<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * FeatureFlagView (components.schemas.FeatureFlagView).
 */
final readonly class FeatureFlagView
{
    public function __construct(
        public string $name,
        public string $description,
        public bool $enabled,
        public ?string $updatedAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            name: $data['name'],
            description: $data['description'],
            enabled: $data['enabled'],
            updatedAt: $data['updated_at'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['name'] = $this->name;
        $data['description'] = $this->description;
        $data['enabled'] = $this->enabled;
        $data['updated_at'] = $this->updatedAt;
        return $data;
    }
}
