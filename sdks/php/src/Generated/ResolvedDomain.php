<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ResolvedDomain (components.schemas.ResolvedDomain).
 */
final readonly class ResolvedDomain
{
    public function __construct(
        public string $host,
        public string $brandId,
        public string $storefront,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            host: $data['host'],
            brandId: $data['brand_id'],
            storefront: $data['storefront'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['host'] = $this->host;
        $data['brand_id'] = $this->brandId;
        $data['storefront'] = $this->storefront;
        return $data;
    }
}
