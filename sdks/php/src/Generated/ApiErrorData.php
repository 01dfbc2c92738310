<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ApiErrorData (components.schemas.ApiErrorData).
 */
final readonly class ApiErrorData
{
    public function __construct(
        public int $status,
        /**
         * @var list<string>|null
         */
        public ?array $errors = null,
        public ?string $param = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            status: $data['status'],
            errors: $data['errors'] ?? null,
            param: $data['param'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['status'] = $this->status;
        if ($this->errors !== null) {
            $data['errors'] = $this->errors;
        }
        if ($this->param !== null) {
            $data['param'] = $this->param;
        }
        return $data;
    }
}
