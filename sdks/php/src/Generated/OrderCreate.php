<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * OrderCreate (components.schemas.OrderCreate).
 */
final readonly class OrderCreate
{
    public function __construct(
        public int $listingId,
        /**
         * @var array<string, mixed>
         */
        public array $buyer,
        public ?int $quantity = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            listingId: $data['listing_id'],
            buyer: $data['buyer'],
            quantity: $data['quantity'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['listing_id'] = $this->listingId;
        if ($this->quantity !== null) {
            $data['quantity'] = $this->quantity;
        }
        $data['buyer'] = $this->buyer;
        return $data;
    }
}
