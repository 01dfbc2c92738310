<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * DeletedDomain (components.schemas.DeletedDomain).
 */
final readonly class DeletedDomain
{
    public function __construct(
        public bool $deleted,
        public string $host,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            deleted: $data['deleted'],
            host: $data['host'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['deleted'] = $this->deleted;
        $data['host'] = $this->host;
        return $data;
    }
}
