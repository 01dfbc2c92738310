<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * WebhookDeliveryView (components.schemas.WebhookDeliveryView).
 */
final readonly class WebhookDeliveryView
{
    public function __construct(
        public int $id,
        public string $eventId,
        public string $eventType,
        public string $status,
        public string $reason,
        public int $attemptCount,
        public ?int $lastStatusCode,
        public ?string $lastError,
        public ?string $nextAttemptAt,
        public string $createdAt,
        public ?string $completedAt,
        /**
         * @var list<WebhookAttemptView>
         */
        public array $attempts,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            eventId: $data['event_id'],
            eventType: $data['event_type'],
            status: $data['status'],
            reason: $data['reason'],
            attemptCount: $data['attempt_count'],
            lastStatusCode: $data['last_status_code'] ?? null,
            lastError: $data['last_error'] ?? null,
            nextAttemptAt: $data['next_attempt_at'] ?? null,
            createdAt: $data['created_at'],
            completedAt: $data['completed_at'] ?? null,
            attempts: array_map(WebhookAttemptView::fromArray(...), $data['attempts']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['event_id'] = $this->eventId;
        $data['event_type'] = $this->eventType;
        $data['status'] = $this->status;
        $data['reason'] = $this->reason;
        $data['attempt_count'] = $this->attemptCount;
        $data['last_status_code'] = $this->lastStatusCode;
        $data['last_error'] = $this->lastError;
        $data['next_attempt_at'] = $this->nextAttemptAt;
        $data['created_at'] = $this->createdAt;
        $data['completed_at'] = $this->completedAt;
        $data['attempts'] = array_map(static fn (WebhookAttemptView $item): array => $item->toArray(), $this->attempts);
        return $data;
    }
}
