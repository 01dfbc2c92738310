<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * StorefrontTheme (components.schemas.StorefrontTheme).
 */
final readonly class StorefrontTheme
{
    public function __construct(
        public string $accent,
        public string $onAccent,
        public string $accentText,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            accent: $data['accent'],
            onAccent: $data['on_accent'],
            accentText: $data['accent_text'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['accent'] = $this->accent;
        $data['on_accent'] = $this->onAccent;
        $data['accent_text'] = $this->accentText;
        return $data;
    }
}
