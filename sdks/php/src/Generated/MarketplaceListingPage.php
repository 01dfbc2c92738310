<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * MarketplaceListingPage (components.schemas.MarketplaceListingPage).
 */
final readonly class MarketplaceListingPage
{
    public function __construct(
        /**
         * @var list<ListingSummary>
         */
        public array $data,
        public MarketplaceMeta $meta,
        public ?MarketplaceFacets $facets,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            data: array_map(ListingSummary::fromArray(...), $data['data']),
            meta: MarketplaceMeta::fromArray($data['meta']),
            facets: isset($data['facets']) ? MarketplaceFacets::fromArray($data['facets']) : null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['data'] = array_map(static fn (ListingSummary $item): array => $item->toArray(), $this->data);
        $data['meta'] = $this->meta->toArray();
        $data['facets'] = $this->facets?->toArray();
        return $data;
    }
}
