<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * MarketplaceMeta (components.schemas.MarketplaceMeta).
 */
final readonly class MarketplaceMeta
{
    public function __construct(
        public int $page,
        public int $perPage,
        public int $total,
        public int $totalPages,
        public bool $totalCapped,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            page: $data['page'],
            perPage: $data['per_page'],
            total: $data['total'],
            totalPages: $data['total_pages'],
            totalCapped: $data['total_capped'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['page'] = $this->page;
        $data['per_page'] = $this->perPage;
        $data['total'] = $this->total;
        $data['total_pages'] = $this->totalPages;
        $data['total_capped'] = $this->totalCapped;
        return $data;
    }
}
