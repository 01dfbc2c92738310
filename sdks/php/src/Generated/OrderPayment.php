<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * OrderPayment (components.schemas.OrderPayment).
 */
final readonly class OrderPayment
{
    public function __construct(
        public string $provider,
        public ?string $providerOrderId,
        public ?string $approveUrl,
        public ?string $captureId,
        public ?string $refundId,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            provider: $data['provider'],
            providerOrderId: $data['provider_order_id'] ?? null,
            approveUrl: $data['approve_url'] ?? null,
            captureId: $data['capture_id'] ?? null,
            refundId: $data['refund_id'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['provider'] = $this->provider;
        $data['provider_order_id'] = $this->providerOrderId;
        $data['approve_url'] = $this->approveUrl;
        $data['capture_id'] = $this->captureId;
        $data['refund_id'] = $this->refundId;
        return $data;
    }
}
