<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * StorefrontProfile (components.schemas.StorefrontProfile).
 */
final readonly class StorefrontProfile
{
    public function __construct(
        public string $brandId,
        public ?string $displayName,
        public ?string $tagline,
        public ?string $description,
        public ?string $logoUrl,
        public ?string $supportEmail,
        public ?string $supportPhone,
        public StorefrontTheme $theme,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            brandId: $data['brand_id'],
            displayName: $data['display_name'] ?? null,
            tagline: $data['tagline'] ?? null,
            description: $data['description'] ?? null,
            logoUrl: $data['logo_url'] ?? null,
            supportEmail: $data['support_email'] ?? null,
            supportPhone: $data['support_phone'] ?? null,
            theme: StorefrontTheme::fromArray($data['theme']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['brand_id'] = $this->brandId;
        $data['display_name'] = $this->displayName;
        $data['tagline'] = $this->tagline;
        $data['description'] = $this->description;
        $data['logo_url'] = $this->logoUrl;
        $data['support_email'] = $this->supportEmail;
        $data['support_phone'] = $this->supportPhone;
        $data['theme'] = $this->theme->toArray();
        return $data;
    }
}
