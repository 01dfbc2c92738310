<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * TokenPair (components.schemas.TokenPair).
 */
final readonly class TokenPair
{
    public function __construct(
        public string $accessToken,
        public string $tokenType,
        public int $expiresIn,
        public string $refreshToken,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            accessToken: $data['access_token'],
            tokenType: $data['token_type'],
            expiresIn: $data['expires_in'],
            refreshToken: $data['refresh_token'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['access_token'] = $this->accessToken;
        $data['token_type'] = $this->tokenType;
        $data['expires_in'] = $this->expiresIn;
        $data['refresh_token'] = $this->refreshToken;
        return $data;
    }
}
