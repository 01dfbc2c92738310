<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ApiKeyList (components.schemas.ApiKeyList).
 */
final readonly class ApiKeyList
{
    public function __construct(
        public string $brandId,
        /**
         * @var list<ApiKeyView>
         */
        public array $apiKeys,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            brandId: $data['brand_id'],
            apiKeys: array_map(ApiKeyView::fromArray(...), $data['api_keys']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['brand_id'] = $this->brandId;
        $data['api_keys'] = array_map(static fn (ApiKeyView $item): array => $item->toArray(), $this->apiKeys);
        return $data;
    }
}
