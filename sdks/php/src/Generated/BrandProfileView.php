<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * BrandProfileView (components.schemas.BrandProfileView).
 */
final readonly class BrandProfileView
{
    public function __construct(
        /**
         * Public brand name shown across marketplace surfaces; null until the first save.
         */
        public ?string $displayName,
        /**
         * Short positioning line.
         */
        public ?string $tagline,
        /**
         * Long-form brand description.
         */
        public ?string $description,
        /**
         * Customer-facing support email.
         */
        public ?string $supportEmail,
        /**
         * Customer-facing support phone.
         */
        public ?string $supportPhone,
        /**
         * Public URL of the brand logo.
         */
        public ?string $logoUrl,
        /**
         * Six-digit hex code used for charts and per-brand accents, upper-case.
         */
        public ?string $accentColor,
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
        $data['display_name'] = $this->displayName;
        $data['tagline'] = $this->tagline;
        $data['description'] = $this->description;
        $data['support_email'] = $this->supportEmail;
        $data['support_phone'] = $this->supportPhone;
        $data['logo_url'] = $this->logoUrl;
        $data['accent_color'] = $this->accentColor;
        return $data;
    }
}
