<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ConversationPage (components.schemas.ConversationPage).
 */
final readonly class ConversationPage
{
    public function __construct(
        /**
         * @var list<ConversationView>
         */
        public array $data,
        public ListMeta $meta,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            data: array_map(ConversationView::fromArray(...), $data['data']),
            meta: ListMeta::fromArray($data['meta']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['data'] = array_map(static fn (ConversationView $item): array => $item->toArray(), $this->data);
        $data['meta'] = $this->meta->toArray();
        return $data;
    }
}
