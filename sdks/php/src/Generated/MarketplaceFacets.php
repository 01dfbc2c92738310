<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * MarketplaceFacets (components.schemas.MarketplaceFacets).
 */
final readonly class MarketplaceFacets
{
    public function __construct(
        /**
         * @var list<FacetCount>
         */
        public array $category,
        /**
         * @var list<FacetCount>
         */
        public array $channel,
        /**
         * @var list<FacetCount>
         */
        public array $condition,
        /**
         * @var list<FacetCount>
         */
        public array $colour,
        /**
         * @var list<FacetCount>
         */
        public array $fabric,
        /**
         * @var list<FacetCount>
         */
        public array $itemType,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            category: array_map(FacetCount::fromArray(...), $data['category']),
            channel: array_map(FacetCount::fromArray(...), $data['channel']),
            condition: array_map(FacetCount::fromArray(...), $data['condition']),
            colour: array_map(FacetCount::fromArray(...), $data['colour']),
            fabric: array_map(FacetCount::fromArray(...), $data['fabric']),
            itemType: array_map(FacetCount::fromArray(...), $data['item_type']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['category'] = array_map(static fn (FacetCount $item): array => $item->toArray(), $this->category);
        $data['channel'] = array_map(static fn (FacetCount $item): array => $item->toArray(), $this->channel);
        $data['condition'] = array_map(static fn (FacetCount $item): array => $item->toArray(), $this->condition);
        $data['colour'] = array_map(static fn (FacetCount $item): array => $item->toArray(), $this->colour);
        $data['fabric'] = array_map(static fn (FacetCount $item): array => $item->toArray(), $this->fabric);
        $data['item_type'] = array_map(static fn (FacetCount $item): array => $item->toArray(), $this->itemType);
        return $data;
    }
}
