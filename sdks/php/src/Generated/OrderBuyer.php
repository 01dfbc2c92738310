<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * OrderBuyer (components.schemas.OrderBuyer).
 */
final readonly class OrderBuyer
{
    public function __construct(
        public string $email,
        public string $name,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            email: $data['email'],
            name: $data['name'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['email'] = $this->email;
        $data['name'] = $this->name;
        return $data;
    }
}
