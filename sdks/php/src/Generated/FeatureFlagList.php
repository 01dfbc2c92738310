<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * FeatureFlagList (components.schemas.FeatureFlagList).
 */
final readonly class FeatureFlagList
{
    public function __construct(
        public string $brandId,
        /**
         * @var list<FeatureFlagView>
         */
        public array $data,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            brandId: $data['brand_id'],
            data: array_map(FeatureFlagView::fromArray(...), $data['data']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['brand_id'] = $this->brandId;
        $data['data'] = array_map(static fn (FeatureFlagView $item): array => $item->toArray(), $this->data);
        return $data;
    }
}
