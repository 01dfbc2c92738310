<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * DomainList (components.schemas.DomainList).
 */
final readonly class DomainList
{
    public function __construct(
        /**
         * @var list<DomainView>
         */
        public array $data,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            data: array_map(DomainView::fromArray(...), $data['data']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['data'] = array_map(static fn (DomainView $item): array => $item->toArray(), $this->data);
        return $data;
    }
}
