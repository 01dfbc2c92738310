<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * BulkDeleteRequest (components.schemas.BulkDeleteRequest).
 */
final readonly class BulkDeleteRequest
{
    public function __construct(
        /**
         * @var list<int>
         */
        public array $ids,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            ids: $data['ids'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['ids'] = $this->ids;
        return $data;
    }
}
