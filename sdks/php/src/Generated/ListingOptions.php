<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ListingOptions (components.schemas.ListingOptions).
 */
final readonly class ListingOptions
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
        /**
         * @var list<string>
         */
        public array $itemTypes,
        /**
         * @var list<ConditionOption>
         */
        public array $conditions,
        /**
         * @var list<LabelledOption>
         */
        public array $exposures,
        /**
         * @var list<LabelledOption>
         */
        public array $faults,
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
            itemTypes: $data['item_types'],
            conditions: array_map(ConditionOption::fromArray(...), $data['conditions']),
            exposures: array_map(LabelledOption::fromArray(...), $data['exposures']),
            faults: array_map(LabelledOption::fromArray(...), $data['faults']),
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
        $data['item_types'] = $this->itemTypes;
        $data['conditions'] = array_map(static fn (ConditionOption $item): array => $item->toArray(), $this->conditions);
        $data['exposures'] = array_map(static fn (LabelledOption $item): array => $item->toArray(), $this->exposures);
        $data['faults'] = array_map(static fn (LabelledOption $item): array => $item->toArray(), $this->faults);
        return $data;
    }
}
