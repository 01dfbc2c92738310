<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * AccountView (components.schemas.AccountView).
 */
final readonly class AccountView
{
    public function __construct(
        public string $id,
        public string $email,
        public string $displayName,
        public string $createdAt,
        public string $updatedAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            email: $data['email'],
            displayName: $data['display_name'],
            createdAt: $data['created_at'],
            updatedAt: $data['updated_at'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['email'] = $this->email;
        $data['display_name'] = $this->displayName;
        $data['created_at'] = $this->createdAt;
        $data['updated_at'] = $this->updatedAt;
        return $data;
    }
}
