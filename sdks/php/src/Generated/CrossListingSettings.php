<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * CrossListingSettings (components.schemas.CrossListingSettings).
 */
final readonly class CrossListingSettings
{
    public function __construct(
        public string $brandId,
        public bool $default,
        /**
         * @var list<CrossListingCategory>
         */
        public array $categories,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            brandId: $data['brand_id'],
            default: $data['default'],
            categories: array_map(CrossListingCategory::fromArray(...), $data['categories']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['brand_id'] = $this->brandId;
        $data['default'] = $this->default;
        $data['categories'] = array_map(static fn (CrossListingCategory $item): array => $item->toArray(), $this->categories);
        return $data;
    }
}
