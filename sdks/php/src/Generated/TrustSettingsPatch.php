<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * TrustSettingsPatch (components.schemas.TrustSettingsPatch).
 */
final readonly class TrustSettingsPatch
{
    public function __construct(
        /**
         * @var list<string>|null
         */
        public ?array $allowedDomains,
        /**
         * @var array<string, mixed>|null
         */
        public ?array $actions,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            allowedDomains: $data['allowed_domains'] ?? null,
            actions: $data['actions'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['allowed_domains'] = $this->allowedDomains;
        $data['actions'] = $this->actions;
        return $data;
    }
}
