<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * TaxonomyLists (components.schemas.TaxonomyLists).
 */
final readonly class TaxonomyLists
{
    public function __construct(
        /**
         * @var list<string>
         */
        public array $brands,
        /**
         * @var list<string>
         */
        public array $colours,
        /**
         * @var list<string>
         */
        public array $fabrics,
        /**
         * @var list<string>
         */
        public array $ages,
        /**
         * @var list<string>
         */
        public array $categories,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            brands: $data['brands'],
            colours: $data['colours'],
            fabrics: $data['fabrics'],
            ages: $data['ages'],
            categories: $data['categories'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['brands'] = $this->brands;
        $data['colours'] = $this->colours;
        $data['fabrics'] = $this->fabrics;
        $data['ages'] = $this->ages;
        $data['categories'] = $this->categories;
        return $data;
    }
}
