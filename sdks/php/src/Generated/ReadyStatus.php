<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ReadyStatus (components.schemas.ReadyStatus).
 */
final readonly class ReadyStatus
{
    public function __construct(
        public string $status,
        /**
         * @var array<string, mixed>
         */
        public array $checks,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            status: $data['status'],
            checks: $data['checks'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['status'] = $this->status;
        $data['checks'] = $this->checks;
        return $data;
    }
}
