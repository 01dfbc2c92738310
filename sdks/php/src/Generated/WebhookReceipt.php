<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * WebhookReceipt (components.schemas.WebhookReceipt).
 */
final readonly class WebhookReceipt
{
    public function __construct(
        public bool $received,
        public bool $applied,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            received: $data['received'],
            applied: $data['applied'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['received'] = $this->received;
        $data['applied'] = $this->applied;
        return $data;
    }
}
