<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * WebhookEndpointList (components.schemas.WebhookEndpointList).
 */
final readonly class WebhookEndpointList
{
    public function __construct(
        /**
         * @var list<WebhookEndpointView>
         */
        public array $data,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            data: array_map(WebhookEndpointView::fromArray(...), $data['data']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['data'] = array_map(static fn (WebhookEndpointView $item): array => $item->toArray(), $this->data);
        return $data;
    }
}
