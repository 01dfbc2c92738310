<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * BrandProfilePatch (components.schemas.BrandProfilePatch).
 */
final readonly class BrandProfilePatch
{
    public function __construct(
        /**
         * Public brand name. Required on first save; cannot be cleared.
         */
        public ?string $displayName = null,
        /**
         * Short positioning line, one line.
         */
        public ?string $tagline = null,
        /**
         * Long-form brand description; line breaks allowed.
         */
        public ?string $description = null,
        /**
         * Customer-facing support email: one plain address.
         */
        public ?string $supportEmail = null,
        /**
         * Customer-facing support phone: digits, spaces, -, parentheses and a leading +; 7 to 20 digits.
         */
        public ?string $supportPhone = null,
        /**
         * Public HTTPS URL of the brand logo.
         */
        public ?string $logoUrl = null,
        /**
         * Six-digit hex code, e.g. #1F4FD9; stored upper-case.
         */
        public ?string $accentColor = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            displayName: $data['display_name'] ?? null,
            tagline: $data['tagline'] ?? null,
            description: $data['description'] ?? null,
            supportEmail: $data['support_email'] ?? null,
            supportPhone: $data['support_phone'] ?? null,
            logoUrl: $data['logo_url'] ?? null,
            accentColor: $data['accent_color'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        if ($this->displayName !== null) {
            $data['display_name'] = $this->displayName;
        }
        if ($this->tagline !== null) {
            $data['tagline'] = $this->tagline;
        }
        if ($this->description !== null) {
            $data['description'] = $this->description;
        }
        if ($this->supportEmail !== null) {
            $data['support_email'] = $this->supportEmail;
        }
        if ($this->supportPhone !== null) {
            $data['support_phone'] = $this->supportPhone;
        }
        if ($this->logoUrl !== null) {
            $data['logo_url'] = $this->logoUrl;
        }
        if ($this->accentColor !== null) {
            $data['accent_color'] = $this->accentColor;
        }
        return $data;
    }
}
