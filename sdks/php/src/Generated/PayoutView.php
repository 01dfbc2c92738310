<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * PayoutView (components.schemas.PayoutView).
 */
final readonly class PayoutView
{
    public function __construct(
        public string $id,
        public string $orderId,
        public float $amountGbp,
        public string $status,
        public ?string $providerBatchId,
        public ?string $failureReason,
        public string $createdAt,
        public ?string $sentAt,
        public ?string $settledAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            orderId: $data['order_id'],
            amountGbp: (float) $data['amount_gbp'],
            status: $data['status'],
            providerBatchId: $data['provider_batch_id'] ?? null,
            failureReason: $data['failure_reason'] ?? null,
            createdAt: $data['created_at'],
            sentAt: $data['sent_at'] ?? null,
            settledAt: $data['settled_at'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['order_id'] = $this->orderId;
        $data['amount_gbp'] = $this->amountGbp;
        $data['status'] = $this->status;
        $data['provider_batch_id'] = $this->providerBatchId;
        $data['failure_reason'] = $this->failureReason;
        $data['created_at'] = $this->createdAt;
        $data['sent_at'] = $this->sentAt;
        $data['settled_at'] = $this->settledAt;
        return $data;
    }
}
