<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * UploadedPhoto (components.schemas.UploadedPhoto).
 */
final readonly class UploadedPhoto
{
    public function __construct(
        /**
         * Internal attachment id. Pass via `attachment_ids` on listing create or update.
         */
        public int $attachmentId,
        /**
         * Public URL of the stored original (metadata stripped): the CDN's when `REPURCH_MEDIA_BASE_URL` is set.
         */
        public string $url,
        /**
         * Pre-generated thumbnail URLs.
         */
        public PhotoSizes $sizes,
        /**
         * MIME type detected from the bytes: `image/jpeg`, `image/png`, `image/webp` or `image/gif`.
         */
        public string $mime,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            attachmentId: $data['attachment_id'],
            url: $data['url'],
            sizes: PhotoSizes::fromArray($data['sizes']),
            mime: $data['mime'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['attachment_id'] = $this->attachmentId;
        $data['url'] = $this->url;
        $data['sizes'] = $this->sizes->toArray();
        $data['mime'] = $this->mime;
        return $data;
    }
}
