<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * AuditEntryView (components.schemas.AuditEntryView).
 */
final readonly class AuditEntryView
{
    public function __construct(
        public int $id,
        public string $action,
        public ?string $targetId,
        public ?string $actorKeyId,
        public ?string $actorKeyPrefix,
        public mixed $changes,
        public string $createdAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            action: $data['action'],
            targetId: $data['target_id'] ?? null,
            actorKeyId: $data['actor_key_id'] ?? null,
            actorKeyPrefix: $data['actor_key_prefix'] ?? null,
            changes: $data['changes'] ?? null,
            createdAt: $data['created_at'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['action'] = $this->action;
        $data['target_id'] = $this->targetId;
        $data['actor_key_id'] = $this->actorKeyId;
        $data['actor_key_prefix'] = $this->actorKeyPrefix;
        $data['changes'] = $this->changes;
        $data['created_at'] = $this->createdAt;
        return $data;
    }
}
