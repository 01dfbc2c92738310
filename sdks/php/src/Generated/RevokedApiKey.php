<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * RevokedApiKey (components.schemas.RevokedApiKey).
 */
final readonly class RevokedApiKey
{
    public function __construct(
        public bool $revoked,
        public string $id,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            revoked: $data['revoked'],
            id: $data['id'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['revoked'] = $this->revoked;
        $data['id'] = $this->id;
        return $data;
    }
}
