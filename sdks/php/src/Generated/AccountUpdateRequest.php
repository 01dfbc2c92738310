<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * AccountUpdateRequest (components.schemas.AccountUpdateRequest).
 */
final readonly class AccountUpdateRequest
{
    public function __construct(
        public ?string $displayName = null,
        public ?string $password = null,
        public ?string $currentPassword = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            displayName: $data['display_name'] ?? null,
            password: $data['password'] ?? null,
            currentPassword: $data['current_password'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        if ($this->displayName !== null) {
            $data['display_name'] = $this->displayName;
        }
        if ($this->password !== null) {
            $data['password'] = $this->password;
        }
        if ($this->currentPassword !== null) {
            $data['current_password'] = $this->currentPassword;
        }
        return $data;
    }
}
