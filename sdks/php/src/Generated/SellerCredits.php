<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * SellerCredits (components.schemas.SellerCredits).
 */
final readonly class SellerCredits
{
    public function __construct(
        public int $sellerId,
        /**
         * @var list<SellerCredit>
         */
        public array $data,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            sellerId: $data['seller_id'],
            data: array_map(SellerCredit::fromArray(...), $data['data']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['seller_id'] = $this->sellerId;
        $data['data'] = array_map(static fn (SellerCredit $item): array => $item->toArray(), $this->data);
        return $data;
    }
}
