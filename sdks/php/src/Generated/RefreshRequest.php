<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * RefreshRequest (components.schemas.RefreshRequest).
 */
final readonly class RefreshRequest
{
    public function __construct(
        public string $refreshToken,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            refreshToken: $data['refresh_token'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['refresh_token'] = $this->refreshToken;
        return $data;
    }
}
