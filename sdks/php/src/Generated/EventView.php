<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * EventView (components.schemas.EventView).
 */
final readonly class EventView
{
    public function __construct(
        public string $id,
        public string $type,
        public string $createdAt,
        public string $brandId,
        public bool $livemode,
        public mixed $data,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            type: $data['type'],
            createdAt: $data['created_at'],
            brandId: $data['brand_id'],
            livemode: $data['livemode'],
            data: $data['data'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['type'] = $this->type;
        $data['created_at'] = $this->createdAt;
        $data['brand_id'] = $this->brandId;
        $data['livemode'] = $this->livemode;
        $data['data'] = $this->data;
        return $data;
    }
}
