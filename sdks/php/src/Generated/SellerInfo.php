<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * SellerInfo (components.schemas.SellerInfo).
 */
final readonly class SellerInfo
{
    public function __construct(
        public ?int $id,
        public string $displayName,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'] ?? null,
            displayName: $data['display_name'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['display_name'] = $this->displayName;
        return $data;
    }
}
