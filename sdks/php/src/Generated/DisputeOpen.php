<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * Opens a dispute on a paid order.
 */
final readonly class DisputeOpen
{
    public function __construct(
        /**
         * `not_received`, `not_as_described`, `damaged` or `other`. Required.
         */
        public string $reason,
        /**
         * What went wrong, 1-4000 characters (line breaks allowed). Screened like every message: a held or blocked text is kept but not shown to the seller side. Required.
         */
        public string $text,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            reason: $data['reason'],
            text: $data['text'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['reason'] = $this->reason;
        $data['text'] = $this->text;
        return $data;
    }
}
