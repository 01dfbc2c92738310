<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * DomainVerificationRecord (components.schemas.DomainVerificationRecord).
 */
final readonly class DomainVerificationRecord
{
    public function __construct(
        public string $type,
        public string $name,
        public string $value,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            type: $data['type'],
            name: $data['name'],
            value: $data['value'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['type'] = $this->type;
        $data['name'] = $this->name;
        $data['value'] = $this->value;
        return $data;
    }
}
