<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * BulkDeleteResult (components.schemas.BulkDeleteResult).
 */
final readonly class BulkDeleteResult
{
    public function __construct(
        public int $id,
        public bool $ok,
        /**
         * @var list<string>|null
         */
        public ?array $errors,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            ok: $data['ok'],
            errors: $data['errors'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['ok'] = $this->ok;
        $data['errors'] = $this->errors;
        return $data;
    }
}
