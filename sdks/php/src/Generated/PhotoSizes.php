<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * PhotoSizes (components.schemas.PhotoSizes).
 */
final readonly class PhotoSizes
{
    public function __construct(
        /**
         * Fits within 300x300, aspect ratio kept, never upscaled. Same type as the original (PNG for a GIF: first frame).
         */
        public string $medium,
        /**
         * Fits within 1024x1024, aspect ratio kept, never upscaled. Same type as the original (PNG for a GIF: first frame).
         */
        public string $large,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            medium: $data['medium'],
            large: $data['large'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['medium'] = $this->medium;
        $data['large'] = $this->large;
        return $data;
    }
}
