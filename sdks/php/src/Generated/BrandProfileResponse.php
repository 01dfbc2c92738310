<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * BrandProfileResponse (components.schemas.BrandProfileResponse).
 */
final readonly class BrandProfileResponse
{
    public function __construct(
        /**
         * Slug identifying the partner workspace.
         */
        public string $brandId,
        public BrandProfileView $profile,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            brandId: $data['brand_id'],
            profile: BrandProfileView::fromArray($data['profile']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['brand_id'] = $this->brandId;
        $data['profile'] = $this->profile->toArray();
        return $data;
    }
}
