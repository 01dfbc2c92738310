<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * CrossListingPatch (components.schemas.CrossListingPatch).
 */
final readonly class CrossListingPatch
{
    public function __construct(
        /**
         * @var array<string, mixed>
         */
        public array $categories,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            categories: $data['categories'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['categories'] = $this->categories;
        return $data;
    }
}
