<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * PhotoUpload (components.schemas.PhotoUpload).
 */
final readonly class PhotoUpload
{
    public function __construct(
        /**
         * Base64-encoded image bytes (standard or URL-safe; a `data:image/...;base64,` prefix and line breaks are allowed). JPEG, PNG, WebP, or GIF, detected from the bytes. Maximum 10 MB decoded.
         */
        public string $imageBase64,
        /**
         * Optional filename for the stored asset (up to 255 characters); only its name part is used, as a slug in the URL. Defaults to `upload.jpg`. The extension always follows the detected type.
         */
        public ?string $filename = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            imageBase64: $data['image_base64'],
            filename: $data['filename'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['image_base64'] = $this->imageBase64;
        if ($this->filename !== null) {
            $data['filename'] = $this->filename;
        }
        return $data;
    }
}
