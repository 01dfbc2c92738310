<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * BulkFileRequest (components.schemas.BulkFileRequest).
 */
final readonly class BulkFileRequest
{
    public function __construct(
        public ?string $fileB64 = null,
        public ?string $csvText = null,
        public ?string $filename = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            fileB64: $data['file_b64'] ?? null,
            csvText: $data['csv_text'] ?? null,
            filename: $data['filename'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        if ($this->fileB64 !== null) {
            $data['file_b64'] = $this->fileB64;
        }
        if ($this->csvText !== null) {
            $data['csv_text'] = $this->csvText;
        }
        if ($this->filename !== null) {
            $data['filename'] = $this->filename;
        }
        return $data;
    }
}
