<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * SignUpRequest (components.schemas.SignUpRequest).
 */
final readonly class SignUpRequest
{
    public function __construct(
        public string $email,
        public string $password,
        public string $displayName,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            email: $data['email'],
            password: $data['password'],
            displayName: $data['display_name'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['email'] = $this->email;
        $data['password'] = $this->password;
        $data['display_name'] = $this->displayName;
        return $data;
    }
}
