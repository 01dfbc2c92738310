<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * One piece of evidence.
 */
final readonly class DisputeMessageCreate
{
    public function __construct(
        /**
         * 1-4000 characters (line breaks allowed), screened before anyone else sees it. Required.
         */
        public string $text,
        /**
         * Up to 10 attachment ids from `POST /v1/listings/upload-photo`, uploaded by the same brand (a consumer: by the same account).
         * @var list<int>|null
         */
        public ?array $photoIds = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            text: $data['text'],
            photoIds: $data['photo_ids'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['text'] = $this->text;
        if ($this->photoIds !== null) {
            $data['photo_ids'] = $this->photoIds;
        }
        return $data;
    }
}
