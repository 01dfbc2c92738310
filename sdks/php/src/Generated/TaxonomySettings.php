<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * TaxonomySettings (components.schemas.TaxonomySettings).
 */
final readonly class TaxonomySettings
{
    public function __construct(
        public string $brandId,
        public TaxonomyLists $taxonomy,
        /**
         * @var list<string>
         */
        public array $customized,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            brandId: $data['brand_id'],
            taxonomy: TaxonomyLists::fromArray($data['taxonomy']),
            customized: $data['customized'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['brand_id'] = $this->brandId;
        $data['taxonomy'] = $this->taxonomy->toArray();
        $data['customized'] = $this->customized;
        return $data;
    }
}
