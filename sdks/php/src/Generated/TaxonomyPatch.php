<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * At least one list. Omitted lists are unchanged.
 */
final readonly class TaxonomyPatch
{
    public function __construct(
        /**
         * The brand's `brands`. Omit to leave it unchanged.
         */
        public mixed $brands = null,
        /**
         * The brand's `colours`. Omit to leave it unchanged.
         */
        public mixed $colours = null,
        /**
         * The brand's `fabrics`. Omit to leave it unchanged.
         */
        public mixed $fabrics = null,
        /**
         * The brand's `ages`. Omit to leave it unchanged.
         */
        public mixed $ages = null,
        /**
         * The brand's `categories`. Omit to leave it unchanged.
         */
        public mixed $categories = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            brands: $data['brands'] ?? null,
            colours: $data['colours'] ?? null,
            fabrics: $data['fabrics'] ?? null,
            ages: $data['ages'] ?? null,
            categories: $data['categories'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        if ($this->brands !== null) {
            $data['brands'] = $this->brands;
        }
        if ($this->colours !== null) {
            $data['colours'] = $this->colours;
        }
        if ($this->fabrics !== null) {
            $data['fabrics'] = $this->fabrics;
        }
        if ($this->ages !== null) {
            $data['ages'] = $this->ages;
        }
        if ($this->categories !== null) {
            $data['categories'] = $this->categories;
        }
        return $data;
    }
}
