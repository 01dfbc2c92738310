<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * CommitRow (components.schemas.CommitRow).
 */
final readonly class CommitRow
{
    public function __construct(
        public int $row,
        public string $title,
        public string $status,
        public ?int $productId,
        public ?string $url,
        public ?string $message,
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
            row: $data['row'],
            title: $data['title'],
            status: $data['status'],
            productId: $data['product_id'] ?? null,
            url: $data['url'] ?? null,
            message: $data['message'] ?? null,
            errors: $data['errors'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['row'] = $this->row;
        $data['title'] = $this->title;
        $data['status'] = $this->status;
        $data['product_id'] = $this->productId;
        $data['url'] = $this->url;
        $data['message'] = $this->message;
        $data['errors'] = $this->errors;
        return $data;
    }
}
