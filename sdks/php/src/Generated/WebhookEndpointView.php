<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * WebhookEndpointView (components.schemas.WebhookEndpointView).
 */
final readonly class WebhookEndpointView
{
    public function __construct(
        public string $id,
        public string $url,
        public ?string $description,
        /**
         * @var list<string>
         */
        public array $eventTypes,
        public bool $enabled,
        public bool $ordered,
        public ?string $disabledReason,
        public ?string $failingSince,
        public ?string $previousSecretExpiresAt,
        public string $createdAt,
        public string $updatedAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            url: $data['url'],
            description: $data['description'] ?? null,
            eventTypes: $data['event_types'],
            enabled: $data['enabled'],
            ordered: $data['ordered'],
            disabledReason: $data['disabled_reason'] ?? null,
            failingSince: $data['failing_since'] ?? null,
            previousSecretExpiresAt: $data['previous_secret_expires_at'] ?? null,
            createdAt: $data['created_at'],
            updatedAt: $data['updated_at'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['url'] = $this->url;
        $data['description'] = $this->description;
        $data['event_types'] = $this->eventTypes;
        $data['enabled'] = $this->enabled;
        $data['ordered'] = $this->ordered;
        $data['disabled_reason'] = $this->disabledReason;
        $data['failing_since'] = $this->failingSince;
        $data['previous_secret_expires_at'] = $this->previousSecretExpiresAt;
        $data['created_at'] = $this->createdAt;
        $data['updated_at'] = $this->updatedAt;
        return $data;
    }
}
