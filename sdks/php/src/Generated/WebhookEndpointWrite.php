<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * WebhookEndpointWrite (components.schemas.WebhookEndpointWrite).
 */
final readonly class WebhookEndpointWrite
{
    public function __construct(
        public string $url,
        public ?string $description = null,
        /**
         * @var list<string>|null
         */
        public ?array $eventTypes = null,
        public ?bool $enabled = null,
        public ?bool $ordered = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            url: $data['url'],
            description: $data['description'] ?? null,
            eventTypes: $data['event_types'] ?? null,
            enabled: $data['enabled'] ?? null,
            ordered: $data['ordered'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['url'] = $this->url;
        if ($this->description !== null) {
            $data['description'] = $this->description;
        }
        if ($this->eventTypes !== null) {
            $data['event_types'] = $this->eventTypes;
        }
        if ($this->enabled !== null) {
            $data['enabled'] = $this->enabled;
        }
        if ($this->ordered !== null) {
            $data['ordered'] = $this->ordered;
        }
        return $data;
    }
}
