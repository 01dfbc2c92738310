<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ValidateRow (components.schemas.ValidateRow).
 */
final readonly class ValidateRow
{
    public function __construct(
        public int $row,
        public string $title,
        public string $status,
        /**
         * @var list<string>
         */
        public array $errors,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            row: $data['row'],
            title: $data['title'],
            status: $data['status'],
            errors: $data['errors'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['row'] = $this->row;
        $data['title'] = $this->title;
        $data['status'] = $this->status;
        $data['errors'] = $this->errors;
        return $data;
    }
}
