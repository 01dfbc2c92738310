<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * CrossListingCategory (components.schemas.CrossListingCategory).
 */
final readonly class CrossListingCategory
{
    public function __construct(
        public string $category,
        public bool $marketplace,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            category: $data['category'],
            marketplace: $data['marketplace'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['category'] = $this->category;
        $data['marketplace'] = $this->marketplace;
        return $data;
    }
}
